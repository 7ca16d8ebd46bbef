import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installDefaultSlaDocuments } from '@helpdesk/sla-application';
import { withConnection } from '@helpdesk/shared-event-store';
import {
  agent,
  customer,
  manager,
  refused,
  slaBody,
  startSlaDocumentHarness,
  ZONE,
  type SlaDocumentHarness,
} from './testing/sla-document-harness.js';

const SLA = 'HD Service Level Agreement';

describe('HD Service Level Agreement over Postgres', () => {
  let h: SlaDocumentHarness;

  const query = (text: string, params: unknown[] = []) =>
    withConnection(h.dataSource, async (sql) => (await sql.query(text, params)).rows);
  const defaults = async () =>
    (await query(`SELECT name FROM sla.hd_service_level_agreement WHERE default_sla`)).map(
      (row) => row.name,
    );
  const eventTypes = async (streamId: string) =>
    (
      await query(
        `SELECT event_type FROM sla.events WHERE stream_id = $1 ORDER BY stream_version`,
        [streamId],
      )
    ).map((row) => row.event_type);
  const install = () =>
    installDefaultSlaDocuments({
      agreements: h.agreements,
      holidayLists: h.holidayLists,
      timeZone: ZONE,
      now: new Date('2026-11-21T12:00:00Z'),
    });

  before(async () => {
    h = await startSlaDocumentHarness();
  });

  after(async () => {
    await h?.stop();
  });

  it('installs the Default holiday list and SLA once, however many replicas start together', async () => {
    const installed = await Promise.all([install(), install(), install()]);
    assert.deepEqual(installed.flat().sort(), [
      'HD Service Holiday List Default',
      'HD Service Level Agreement Default',
    ]);
    assert.deepEqual(await install(), []);
    assert.deepEqual(await eventTypes('hd-service-level-agreement-Default'), [
      'ServiceLevelAgreementCreated',
    ]);
    assert.deepEqual(await eventTypes('hd-service-holiday-list-Default'), [
      'ServiceHolidayListCreated',
    ]);

    const sla = await h.slas.get('Default', agent);
    assert.equal(sla.doctype, SLA);
    assert.equal(sla.default_sla, 1);
    assert.equal(sla.enabled, 1);
    assert.equal(sla.holiday_list, 'Default');
    assert.equal(sla.default_priority, 'Medium');
    assert.equal(sla.timezone, ZONE);
    assert.equal(sla.owner, 'Administrator');
    const days = sla.support_and_resolution as Record<string, unknown>[];
    assert.deepEqual(
      days.map((row) => [row.workday, row.start_time, row.end_time]),
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((d) => [
        d,
        '10:00:00',
        '18:00:00',
      ]),
    );
    assert.deepEqual(days[0], {
      workday: 'Monday',
      start_time: '10:00:00',
      end_time: '18:00:00',
      doctype: 'HD Service Day',
      parenttype: SLA,
      parentfield: 'support_and_resolution',
      parent: 'Default',
      idx: 1,
    });
    const priorities = sla.priorities as Record<string, unknown>[];
    assert.deepEqual(
      priorities.map((row) => [
        row.priority,
        row.response_time,
        row.resolution_time,
        row.default_priority,
      ]),
      [
        ['Low', 86400, 259200, 0],
        ['Medium', 28800, 86400, 1],
        ['High', 3600, 14400, 0],
        ['Urgent', 1800, 7200, 0],
      ],
    );
    const list = await h.lists.get('Default', agent);
    assert.equal(list.from_date, '2026-01-01');
    assert.equal(list.to_date, '2027-01-01');
    assert.deepEqual(list.holidays, []);
  });

  it('creates an SLA, reads it whole, and lists it with Frappe filters, fields and order', async () => {
    const created = await h.slas.insert(
      { ...slaBody('Gold'), name: 'ignored', __islocal: 1 },
      manager,
    );
    assert.deepEqual(created, await h.slas.get('Gold', agent));
    assert.equal(created.name, 'Gold');
    assert.equal(created.owner, manager.user);
    assert.equal(created.modified_by, manager.user);
    assert.equal(created.default_sla, 0);
    assert.equal(created.default_priority, 'High');
    assert.equal(created.timezone, ZONE);
    assert.equal(
      (created.support_and_resolution as { start_time: string }[])[0]!.start_time,
      '9:00:00',
    );

    await h.slas.insert(slaBody('Silver', { priority: '2', enabled: 0 }), manager);
    const rows = await h.slas.list(
      {
        fields: ['name', 'default_sla', 'priority'],
        filters: [['enabled', '=', 1]],
        order_by: 'name asc',
      },
      agent,
    );
    assert.deepEqual(rows, [
      { name: 'Default', default_sla: 1, priority: 0 },
      { name: 'Gold', default_sla: 0, priority: 0 },
    ]);
    assert.equal(await h.slas.count({ filters: { holiday_list: 'Default' } }, agent), 3);
  });

  it('saves a document read and sent back, recording only what changed', async () => {
    const read = await h.slas.get('Gold', manager);
    const saved = await h.slas.update('Gold', { ...read, description: 'Gold tier' }, manager);
    assert.equal(saved.description, 'Gold tier');
    assert.deepEqual(saved.priorities, read.priorities);
    await h.slas.update('Gold', read, manager);
    assert.deepEqual(await eventTypes('hd-service-level-agreement-Gold'), [
      'ServiceLevelAgreementCreated',
      'ServiceLevelAgreementUpdated',
      'ServiceLevelAgreementUpdated',
    ]);
  });

  it("refuses what Frappe's SLA controller refuses, with its messages and statuses", async () => {
    await refused(
      h.slas.insert(slaBody('Bronze', { holiday_list: '' }), manager),
      'MandatoryError',
      417,
      'Error: Value missing for HD Service Level Agreement: Holiday List',
    );
    await refused(
      h.slas.insert(slaBody('Bronze', { holiday_list: 'Nowhere' }), manager),
      'LinkValidationError',
      417,
      'Could not find Holiday List: Nowhere',
    );
    await refused(
      h.slas.insert(
        slaBody('Bronze', {
          priorities: [
            { priority: 'High', response_time: 7200, resolution_time: 3600, default_priority: 1 },
          ],
        }),
        manager,
      ),
      'ValidationError',
      417,
      "Response Time for High priority in row 1 can't be greater than Resolution Time.",
    );
    await refused(
      h.slas.insert(
        slaBody('Bronze', {
          support_and_resolution: [
            { workday: 'Monday', start_time: '09:00', end_time: '17:00' },
            { workday: 'Monday', start_time: '18:00', end_time: '19:00' },
          ],
        }),
        manager,
      ),
      'ValidationError',
      417,
      'Workday Monday has been repeated.',
    );
    await refused(
      h.slas.insert(slaBody('Bronze', { unknown_field: 1 }), manager),
      'ValidationError',
      417,
      'Unknown field: unknown_field',
    );
    await refused(h.slas.insert(slaBody('Gold'), manager), 'DuplicateEntryError', 409, /Gold/);
    await refused(
      h.slas.update('Nothing', { description: 'x' }, manager),
      'DoesNotExistError',
      404,
      'HD Service Level Agreement Nothing not found',
    );
    await refused(h.slas.get('Nothing', agent), 'DoesNotExistError', 404, /not found/);
    await refused(
      h.slas.update('Gold', { service_level: 'Platinum' }, manager),
      'ValidationError',
      417,
      'Value cannot be changed for Service Level Name',
    );
  });

  it('lets agents read, managers write, and nobody else in', async () => {
    const denied = 'Insufficient Permission for HD Service Level Agreement';
    await refused(h.slas.insert(slaBody('Bronze'), agent), 'PermissionError', 403, denied);
    await refused(h.slas.delete('Gold', agent), 'PermissionError', 403, denied);
    await refused(h.slas.get('Gold', customer), 'PermissionError', 403, denied);
    await refused(h.slas.list({}, customer), 'PermissionError', 403, denied);
    const admin = { user: 'Administrator', roles: [], correlationId: 'c-2' };
    assert.equal((await h.slas.update('Gold', { priority: 5 }, admin)).priority, 5);
  });

  it('hands the default over: the previous default is demoted on its own stream', async () => {
    const saved = await h.slas.update('Gold', { default_sla: 1 }, manager);
    assert.equal(saved.default_sla, 1);
    assert.deepEqual(await defaults(), ['Gold']);
    const previous = await h.slas.get('Default', agent);
    assert.equal(previous.default_sla, 0);
    assert.equal(previous.modified_by, manager.user);
    const demoted = await query(
      `SELECT data FROM sla.events WHERE stream_id = 'hd-service-level-agreement-Default'
        AND event_type = 'ServiceLevelAgreementDemoted'`,
    );
    assert.equal(demoted.length, 1);
    assert.equal((demoted[0]!.data as { in_favour_of: string }).in_favour_of, 'Gold');

    await refused(
      h.slas.update('Gold', { enabled: 0 }, manager),
      'ValidationError',
      417,
      'You cannot disable the default SLA.',
    );
    await refused(
      h.slas.update('Gold', { default_sla: 0 }, manager),
      'ValidationError',
      417,
      'You must set one SLA as Default. Please check the Default SLA option.',
    );
    await refused(
      h.slas.delete('Gold', manager),
      'ValidationError',
      417,
      'Cannot delete the default SLA. At least one SLA must be marked as default.',
    );
    await h.slas.update('Default', { default_sla: 1 }, manager);
    assert.deepEqual(await defaults(), ['Default']);
  });

  it('leaves exactly one default when several SLAs become it at once', async () => {
    const racers = ['Race A', 'Race B', 'Race C', 'Race D'];
    for (const name of racers) await h.slas.insert(slaBody(name), manager);
    const results = await Promise.allSettled(
      racers.map((name) => h.slas.update(name, { default_sla: 1 }, manager)),
    );
    assert.deepEqual(
      results.map((result) => result.status),
      racers.map(() => 'fulfilled'),
    );
    const [winner] = await defaults();
    assert.deepEqual(await defaults(), [winner]);
    assert.ok(racers.includes(String(winner)));
    const demotions = await query(
      `SELECT count(*)::int AS n FROM sla.events WHERE event_type = 'ServiceLevelAgreementDemoted'`,
    );
    // Default handed over once earlier and back once; each racer took the mark from the last.
    assert.equal(demotions[0]!.n, 2 + racers.length);
    await h.slas.update('Default', { default_sla: 1 }, manager);
  });

  it('deletes an SLA that is not the default, and its name is free again', async () => {
    await h.slas.delete('Silver', manager);
    await refused(h.slas.get('Silver', agent), 'DoesNotExistError', 404, /not found/);
    const again = await h.slas.insert(slaBody('Silver'), manager);
    assert.equal(again.name, 'Silver');
    assert.deepEqual(await eventTypes('hd-service-level-agreement-Silver'), [
      'ServiceLevelAgreementCreated',
      'ServiceLevelAgreementDeleted',
      'ServiceLevelAgreementCreated',
    ]);
  });
});
