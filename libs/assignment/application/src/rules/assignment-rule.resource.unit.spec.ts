import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';
import type {
  AssignmentRuleCommands,
  RuleActor,
  RuleCommandInput,
} from './assignment-rule-commands.js';
import type {
  AssignmentRuleDocuments,
  AssignmentRuleSummary,
} from './assignment-rule-documents.port.js';
import { assignmentRuleMethods } from './assignment-rule.methods.js';
import { AssignmentRuleResource } from './assignment-rule.resource.js';

const as = (user: string, ...roles: string[]): RequestContext => ({
  user,
  roles,
  correlationId: 'c-1',
});
const manager = as('maya@example.com', 'Agent Manager');
const agent = as('anna@example.com', 'Agent');
const customer = as('jo@example.com');
const administrator = as('Administrator');

const SUMMARY: AssignmentRuleSummary = {
  name: 'Escalations',
  description: 'Automatic Assignment',
  disabled: 0,
  priority: 2,
  users_exists: true,
};

/** The resource over documents that answer with one rule, and commands that only record. */
function resource() {
  const runs: { command: RuleCommandInput; actor: RuleActor }[] = [];
  const documents: AssignmentRuleDocuments = {
    list: () => Promise.resolve([{ name: 'Escalations' }]),
    count: () => Promise.resolve(1),
    get: (name) => Promise.resolve(name === 'Escalations' ? { name } : undefined),
    summaries: () => Promise.resolve([SUMMARY]),
  };
  const commands = {
    run: (command: RuleCommandInput, actor: RuleActor) => {
      runs.push({ command, actor });
      return Promise.resolve({ kind: 'absent' });
    },
  } as unknown as AssignmentRuleCommands;
  return { rules: new AssignmentRuleResource(documents, commands), documents, runs };
}

async function refused(work: Promise<unknown>, excType: string, message: string | RegExp) {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof FrappeError);
    assert.equal(error.excType, excType);
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

const NO_PERMISSION = 'Insufficient Permission for Assignment Rule';

describe('AssignmentRuleResource permissions', () => {
  it('lets agents read and refuses customers everything', async () => {
    const { rules } = resource();
    assert.deepEqual(await rules.list({}, agent), [{ name: 'Escalations' }]);
    assert.equal(await rules.count({}, agent), 1);
    assert.deepEqual(await rules.get('Escalations', agent), { name: 'Escalations' });
    for (const work of [
      rules.list({}, customer),
      rules.count({}, customer),
      rules.get('Escalations', customer),
      rules.insert({ name: 'X' }, customer),
      rules.update('Escalations', { priority: 1 }, customer),
      rules.delete('Escalations', customer),
    ]) {
      await refused(work, 'PermissionError', NO_PERMISSION);
    }
  });

  it('leaves creating, changing and deleting to managers and the Administrator', async () => {
    const { rules, runs } = resource();
    await refused(rules.insert({ name: 'X' }, agent), 'PermissionError', NO_PERMISSION);
    await refused(rules.update('X', {}, agent), 'PermissionError', NO_PERMISSION);
    await refused(rules.delete('X', agent), 'PermissionError', NO_PERMISSION);
    assert.equal(runs.length, 0);
    await rules.delete('Escalations', administrator);
    await rules.delete('Escalations', as('sys@example.com', 'System Manager'));
    assert.deepEqual(
      runs.map(({ command, actor }) => [command.type, actor.user]),
      [
        ['DeleteAssignmentRule', 'Administrator'],
        ['DeleteAssignmentRule', 'sys@example.com'],
      ],
    );
  });

  it('answers a missing rule with Frappe’s not-found', async () => {
    const { rules } = resource();
    await refused(rules.get('Nope', agent), 'DoesNotExistError', 'Assignment Rule Nope not found');
  });
});

describe('AssignmentRuleResource insert', () => {
  it('takes the prompt name from `name`, else from `__newname`, and returns the rule read back', async () => {
    const { rules, runs } = resource();
    const created = await rules.insert(
      { doctype: 'Assignment Rule', __newname: ' Escalations ', assign_condition: 'x == 1' },
      manager,
    );
    assert.deepEqual(created, { name: 'Escalations' });
    await rules.insert({ name: 'Escalations', __newname: 'Other' }, manager);
    assert.deepEqual(
      runs.map(({ command }) => command.data.name),
      ['Escalations', 'Escalations'],
    );
  });

  it('passes Frappe’s field values on, without row bookkeeping, the pointer or form state', async () => {
    const { rules, runs } = resource();
    await rules.insert(
      {
        name: 'Escalations',
        assignment_rule_name: 'Escalations',
        loading: false,
        priority: '2',
        disabled: true,
        rule: 'Weighted Distribution',
        users: [{ user: 'anna@example.com', idx: 1, doctype: 'Assignment Rule User' }],
        weighted_users: [{ user: 'anna@example.com', weight: 3 }, { user: 'ben@example.com' }],
        assignment_days: [{ day: 'Monday', parentfield: 'assignment_days' }],
        assign_condition_json: '[["status","==","Open"]]',
        last_user: 'ben@example.com',
        current_index: 7,
      },
      manager,
    );
    const [run] = runs;
    assert.equal(run?.command.type, 'CreateAssignmentRule');
    assert.deepEqual(run?.actor, { user: manager.user, correlationId: 'c-1' });
    const values = run?.command.type === 'CreateAssignmentRule' ? run.command.data.values : {};
    assert.deepEqual(
      Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)),
      {
        priority: 2,
        disabled: true,
        rule: 'Weighted Distribution',
        users: [{ user: 'anna@example.com' }],
        weighted_users: [
          { user: 'anna@example.com', weight: 3 },
          { user: 'ben@example.com', weight: null },
        ],
        assignment_days: [{ day: 'Monday' }],
        assign_condition_json: '[["status","==","Open"]]',
      },
    );
  });

  it('refuses unknown fields and values of the wrong type with 417', async () => {
    const { rules, runs } = resource();
    await refused(
      rules.insert({ name: 'X', colour: 'red' }, manager),
      'ValidationError',
      /Unknown field: colour/,
    );
    await refused(
      rules.insert({ name: 'X', disabled: 'yes' }, manager),
      'ValidationError',
      /disabled/,
    );
    await refused(
      rules.insert({ name: 'X', users: [{ user: 'a@example.com', colour: 'red' }] }, manager),
      'ValidationError',
      /users/,
    );
    await refused(
      rules.insert({ name: 'X', weighted_users: [{ user: 'a', weight: 5_000_000 }] }, manager),
      'ValidationError',
      /weighted_users/,
    );
    assert.equal(runs.length, 0);
  });
});

describe('AssignmentRuleResource update', () => {
  it('accepts a whole document saved back and changes only its editable fields', async () => {
    const { rules, runs } = resource();
    const updated = await rules.update(
      'Escalations',
      {
        name: 'Escalations',
        doctype: 'Assignment Rule',
        modified: '2026-11-21 10:00:00.000000',
        idx: 0,
        docstatus: 0,
        priority: 3,
        last_user: null,
        current_index: 0,
      },
      manager,
    );
    assert.deepEqual(updated, { name: 'Escalations' });
    const [run] = runs;
    assert.equal(run?.command.type, 'UpdateAssignmentRule');
    const changes = run?.command.type === 'UpdateAssignmentRule' ? run.command.data.changes : {};
    assert.deepEqual(
      Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
      { priority: 3 },
    );
  });

  it('refuses a new name: a rule keeps the one it was created with', async () => {
    const { rules } = resource();
    await refused(
      rules.update('Escalations', { __newname: 'Other' }, manager),
      'ValidationError',
      /Unknown field: __newname/,
    );
  });
});

describe('get_assignment_rules_list', () => {
  const method = (documents: AssignmentRuleDocuments) =>
    assignmentRuleMethods(documents).get('helpdesk.api.assignment_rule.get_assignment_rules_list');

  it('lists the rules for agents and refuses everyone else with Helpdesk’s message', async () => {
    const list = method(resource().documents);
    assert.ok(list);
    assert.deepEqual(await list({}, agent), { message: [SUMMARY] });
    await refused(
      list({}, customer),
      'PermissionError',
      'You do not have permission to access Assignment Rules',
    );
  });
});
