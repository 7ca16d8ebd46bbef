import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AssignmentRuleCommands,
  AssignmentRuleResource,
  assignmentRuleMethods,
} from '@helpdesk/assignment-application';
import {
  PostgresEventStore,
  createServiceDataSource,
  runMigrations,
} from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';
import { createTestDatabase, type TestDatabase } from '@helpdesk/shared-testing';
import type { DataSource } from 'typeorm';
import { ASSIGNMENT_SCHEMA, assignmentMigrations } from '../assignment.migrations.js';
import { assignmentRuleProjection } from './assignment-rule-projection.js';
import { PostgresAssignmentRuleDocuments } from './postgres-assignment-rule-documents.js';

const ZONE = 'Europe/Berlin';
const as = (user: string, ...roles: string[]): RequestContext => ({
  user,
  roles,
  correlationId: 'c-1',
});
const manager = as('maya@example.com', 'Agent Manager');
const agent = as('anna@example.com', 'Agent');
const customer = as('jo@example.com');

const ANNA = 'anna@example.com';
const BEN = 'ben@example.com';
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** A valid rule as Helpdesk's form would send it. */
const ruleBody = (name: string, extra: Record<string, unknown> = {}) => ({
  doctype: 'Assignment Rule',
  name,
  description: `Tickets for ${name}`,
  priority: 1,
  assign_condition: "status == 'Open'",
  assign_condition_json: '[["status","==","Open"]]',
  users: [{ user: ANNA }, { user: BEN }],
  assignment_days: WEEKDAYS.map((day) => ({ day })),
  ...extra,
});

async function refused(work: Promise<unknown>, excType: string, message: string | RegExp) {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof FrappeError, String(error));
    assert.equal(error.excType, excType);
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

describe('Assignment Rule documents over Postgres', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let documents: PostgresAssignmentRuleDocuments;
  let rules: AssignmentRuleResource;

  before(async () => {
    db = await createTestDatabase();
    dataSource = await createServiceDataSource({
      url: db.url,
      schema: ASSIGNMENT_SCHEMA,
      poolSize: 4,
      migrations: assignmentMigrations,
      applicationName: 'assignment-rule-documents-spec',
    }).initialize();
    await runMigrations(dataSource, ASSIGNMENT_SCHEMA);
    documents = new PostgresAssignmentRuleDocuments(dataSource, ZONE);
    const commands = new AssignmentRuleCommands({
      dataSource,
      store: new PostgresEventStore(ASSIGNMENT_SCHEMA),
      project: assignmentRuleProjection,
      otherTicketRules: (sql, name) => documents.otherTicketRules(sql, name),
    });
    rules = new AssignmentRuleResource(documents, commands);
  });

  after(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('creates a rule and reads it back whole: fields, child rows and pointer', async () => {
    const created = await rules.insert(
      ruleBody('Escalations', { loading: false, assignment_rule_name: 'Escalations' }),
      manager,
    );
    assert.deepEqual(created, await rules.get('Escalations', agent));
    assert.equal(created.doctype, 'Assignment Rule');
    assert.equal(created.owner, manager.user);
    assert.equal(created.document_type, 'HD Ticket');
    assert.equal(created.rule, 'Round Robin');
    assert.equal(created.disabled, 0);
    assert.equal(created.priority, 1);
    assert.equal(created.last_user, null);
    assert.equal(created.current_index, 0);
    assert.deepEqual(created.users, [
      {
        user: ANNA,
        doctype: 'Assignment Rule User',
        parenttype: 'Assignment Rule',
        parentfield: 'users',
        parent: 'Escalations',
        idx: 1,
      },
      {
        user: BEN,
        doctype: 'Assignment Rule User',
        parenttype: 'Assignment Rule',
        parentfield: 'users',
        parent: 'Escalations',
        idx: 2,
      },
    ]);
    assert.deepEqual(
      (created.assignment_days as { day: string }[]).map((row) => row.day),
      WEEKDAYS,
    );
    assert.deepEqual(created.weighted_users, []);
  });

  it('names a rule from `__newname` and refuses a rule without a name or a taken one', async () => {
    const created = await rules.insert(
      { ...ruleBody(''), name: undefined, __newname: 'Billing rota', priority: '3' },
      manager,
    );
    assert.equal(created.name, 'Billing rota');
    assert.equal(created.priority, 3);
    await refused(
      rules.insert({ ...ruleBody(''), name: undefined }, manager),
      'ValidationError',
      'Please set the document name',
    );
    await refused(
      rules.insert(ruleBody('Escalations'), manager),
      'DuplicateEntryError',
      'Assignment Rule Escalations already exists',
    );
  });

  it('shows the pointer the rule pass keeps beside the rule', async () => {
    await dataSource.query(
      `UPDATE assignment.rule_pointer SET last_user = $2, current_index = 5 WHERE rule = $1`,
      ['Escalations', BEN],
    );
    const rule = await rules.get('Escalations', agent);
    assert.equal(rule.last_user, BEN);
    assert.equal(rule.current_index, 5);
  });

  it('lists and counts with Frappe’s filters, fields, order and paging', async () => {
    await rules.insert(ruleBody('Weekend', { priority: 0, disabled: 1 }), manager);
    assert.deepEqual(
      await rules.list(
        {
          fields: '["name", "priority", "disabled"]',
          filters: '[["priority", ">=", 1]]',
          order_by: 'priority desc, name asc',
        },
        agent,
      ),
      [
        { name: 'Billing rota', priority: 3, disabled: 0 },
        { name: 'Escalations', priority: 1, disabled: 0 },
      ],
    );
    assert.deepEqual(
      await rules.list({ fields: ['name'], filters: { disabled: 1 }, limit_page_length: 5 }, agent),
      [{ name: 'Weekend' }],
    );
    assert.deepEqual(
      await rules.list({ fields: ['name'], order_by: 'name asc', limit_start: 1, limit: 1 }, agent),
      [{ name: 'Escalations' }],
    );
    assert.equal(await rules.count({ filters: { document_type: 'HD Ticket' } }, agent), 3);
    assert.equal(await rules.count({ filters: [['name', 'like', '%rota%']] }, agent), 1);
    await refused(rules.list({ fields: ['last_user'] }, agent), 'DataError', /last_user/);
  });

  it('updates a rule, refusing a condition outside the grammar with 417', async () => {
    const before = await rules.get('Escalations', agent);
    const updated = await rules.update(
      'Escalations',
      {
        ...before,
        priority: 4,
        rule: 'Weighted Distribution',
        weighted_users: [
          { user: ANNA, weight: 1 },
          { user: BEN, weight: 3 },
        ],
        unassign_condition: "agent_group != 'Billing'",
      },
      manager,
    );
    assert.equal(updated.priority, 4);
    assert.equal(updated.rule, 'Weighted Distribution');
    assert.deepEqual(
      (updated.weighted_users as { user: string; weight: number }[]).map(({ user, weight }) => [
        user,
        weight,
      ]),
      [
        [ANNA, 1],
        [BEN, 3],
      ],
    );
    assert.equal(updated.unassign_condition, "agent_group != 'Billing'");
    assert.equal(updated.last_user, BEN, 'the pointer is not the client’s to set');
    assert.notEqual(updated.modified, before.modified);

    await refused(
      rules.update('Escalations', { assign_condition: "__import__('os')" }, manager),
      'ValidationError',
      /^The Assign Condition '__import__\('os'\)' is invalid: names containing '__' are not allowed/,
    );
    await refused(
      rules.update('Escalations', { unassign_condition_json: '[["status","==",' }, manager),
      'ValidationError',
      /^The Unassign Condition JSON '\[\["status","==",' is invalid/,
    );
    await refused(
      rules.update('Nope', { priority: 1 }, manager),
      'DoesNotExistError',
      'Assignment Rule Nope not found',
    );
    assert.equal((await rules.get('Escalations', agent)).priority, 4);
  });

  it('answers get_assignment_rules_list most recently modified first', async () => {
    await rules.insert(
      ruleBody('Based on raiser', { rule: 'Based on Field', field: 'raised_by', users: [] }),
      manager,
    );
    const list = assignmentRuleMethods(documents).get(
      'helpdesk.api.assignment_rule.get_assignment_rules_list',
    );
    assert.ok(list);
    const { message } = await list({}, agent);
    assert.deepEqual(message, [
      {
        name: 'Based on raiser',
        description: 'Tickets for Based on raiser',
        disabled: 0,
        priority: 1,
        users_exists: false,
      },
      {
        name: 'Escalations',
        description: 'Tickets for Escalations',
        disabled: 0,
        priority: 4,
        users_exists: true,
      },
      {
        name: 'Weekend',
        description: 'Tickets for Weekend',
        disabled: 1,
        priority: 0,
        users_exists: true,
      },
      {
        name: 'Billing rota',
        description: 'Tickets for ',
        disabled: 0,
        priority: 3,
        users_exists: true,
      },
    ]);
    await refused(
      list({}, customer),
      'PermissionError',
      'You do not have permission to access Assignment Rules',
    );
  });

  it('keeps permissions: agents read only, customers nothing', async () => {
    await refused(rules.list({}, customer), 'PermissionError', /Assignment Rule/);
    await refused(rules.get('Escalations', customer), 'PermissionError', /Assignment Rule/);
    await refused(rules.insert(ruleBody('Mine'), agent), 'PermissionError', /Assignment Rule/);
    await refused(
      rules.update('Escalations', { priority: 9 }, agent),
      'PermissionError',
      /Assignment Rule/,
    );
    await refused(rules.delete('Escalations', agent), 'PermissionError', /Assignment Rule/);
    assert.equal((await rules.get('Escalations', agent)).priority, 4);
  });

  it('deletes rules but never the last HD Ticket rule, even when two deletions race', async () => {
    await rules.delete('Based on raiser', manager);
    await rules.delete('Billing rota', manager);
    await refused(
      rules.get('Billing rota', agent),
      'DoesNotExistError',
      'Assignment Rule Billing rota not found',
    );
    const pointers = await dataSource.query(
      `SELECT rule FROM assignment.rule_pointer ORDER BY rule`,
    );
    assert.deepEqual(pointers, [{ rule: 'Escalations' }, { rule: 'Weekend' }]);

    const outcomes = await Promise.allSettled([
      rules.delete('Escalations', manager),
      rules.delete('Weekend', manager),
    ]);
    assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1);
    const [failure] = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    assert.ok(failure instanceof FrappeError);
    assert.equal(failure.message, 'There should be at least 1 assignment rule for ticket');
    assert.equal(await rules.count({}, agent), 1);
  });
});
