import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installDefaultSlaDocuments } from '@helpdesk/sla-application';
import { SLA_SERVICE_METHODS } from '@helpdesk/sla-contracts';
import { START_OF_LOG, inTransaction, withConnection } from '@helpdesk/shared-event-store';
import type { MethodReply } from '@helpdesk/shared-messaging';
import { waitFor } from '@helpdesk/shared-testing';
import { SLA_SCHEMA } from '../sla.migrations.js';
import { PostgresSlaPolicies } from './postgres-sla-policies.js';
import { SlaDocumentLog } from './sla-document-log.js';
import { slaServiceMessage } from './sla-integration-events.js';
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

const LIST = 'HD Service Holiday List';
const [GET_EVENTS] = SLA_SERVICE_METHODS;

const germany = (extra: Record<string, unknown> = {}) => ({
  doctype: LIST,
  holiday_list_name: 'Germany 2027',
  from_date: '2027-01-01',
  to_date: '2027-12-31',
  color: '#ff0000',
  holidays: [
    { holiday_date: '2027-01-01', description: 'New Year' },
    { holiday_date: '2027-05-01', description: 'Labour Day' },
  ],
  ...extra,
});

describe('HD Service Holiday List over Postgres', () => {
  let h: SlaDocumentHarness;

  const call = (method: string, params: Record<string, unknown>, context = agent) =>
    h.methods.get(method)!(params, context) as Promise<MethodReply>;
  const holidayDates = (reply: MethodReply) =>
    ((reply.docs?.[0] as { holidays: { holiday_date: string }[] }).holidays ?? []).map(
      (row) => row.holiday_date,
    );

  before(async () => {
    h = await startSlaDocumentHarness();
    await installDefaultSlaDocuments({
      agreements: h.agreements,
      holidayLists: h.holidayLists,
      timeZone: ZONE,
      now: new Date('2026-06-01T00:00:00Z'),
    });
  });

  after(async () => {
    await h?.stop();
  });

  it('creates a list with its holiday count, reads it whole and lists it', async () => {
    const created = await h.lists.insert(germany(), manager);
    assert.deepEqual(created, await h.lists.get('Germany 2027', agent));
    assert.equal(created.total_holidays, 2);
    assert.equal(created.weekly_off, null);
    assert.deepEqual((created.holidays as object[])[1], {
      holiday_date: '2027-05-01',
      description: 'Labour Day',
      weekly_off: 0,
      doctype: 'HD Holiday',
      parenttype: LIST,
      parentfield: 'holidays',
      parent: 'Germany 2027',
      idx: 2,
    });
    const rows = await h.lists.list(
      { fields: ['name', 'total_holidays'], filters: { from_date: ['>=', '2027-01-01'] } },
      agent,
    );
    assert.deepEqual(rows, [{ name: 'Germany 2027', total_holidays: 2 }]);
  });

  it("refuses what Frappe's holiday list refuses", async () => {
    await refused(
      h.lists.insert(germany({ holiday_list_name: 'Late', to_date: '2026-12-31' }), manager),
      'ValidationError',
      417,
      'To Date cannot be before From Date',
    );
    await refused(
      h.lists.update(
        'Germany 2027',
        { holidays: [{ holiday_date: '2028-01-01', description: 'Too late' }] },
        manager,
      ),
      'ValidationError',
      417,
      'The holiday on 01-01-2028 is not between From Date and To Date',
    );
    await refused(h.lists.insert(germany(), manager), 'DuplicateEntryError', 409, /already exists/);
    await refused(
      h.lists.insert(germany({ holiday_list_name: 'X' }), agent),
      'PermissionError',
      403,
      'Insufficient Permission for HD Service Holiday List',
    );
  });

  it('keeps a list an SLA names, and lets it go once no SLA does', async () => {
    await h.slas.insert(slaBody('Germany', { holiday_list: 'Germany 2027' }), manager);
    await refused(
      h.lists.delete('Germany 2027', manager),
      'LinkExistsError',
      417,
      'Cannot delete or cancel because HD Service Holiday List Germany 2027 is linked with HD Service Level Agreement Germany',
    );
    await h.lists.insert(germany({ holiday_list_name: 'Spare', holidays: [] }), manager);
    await h.lists.delete('Spare', manager);
    await refused(h.lists.get('Spare', agent), 'DoesNotExistError', 404, /Spare not found/);
  });

  it('adds the weekly off days to the form without saving, and clears the table', async () => {
    const fromForm = await call('run_doc_method', {
      method: 'get_weekly_off_dates',
      docs: JSON.stringify({
        doctype: LIST,
        name: 'new-hd-service-holiday-list-1',
        __islocal: 1,
        from_date: '2027-02-01',
        to_date: '2027-02-14',
        weekly_off: 'Sunday',
        holidays: [{ holiday_date: '2027-02-07', description: 'Already there' }],
      }),
    });
    assert.deepEqual(holidayDates(fromForm), ['2027-02-07', '2027-02-14']);
    const added = (fromForm.docs?.[0] as { holidays: Record<string, unknown>[] }).holidays[1];
    assert.deepEqual(added, {
      holiday_date: '2027-02-14',
      description: 'Sunday',
      weekly_off: 1,
      doctype: 'HD Holiday',
      parenttype: LIST,
      parentfield: 'holidays',
      parent: 'new-hd-service-holiday-list-1',
      idx: 2,
    });

    await h.lists.update('Germany 2027', { weekly_off: 'Saturday' }, manager);
    const stored = await call('run_doc_method', {
      dt: LIST,
      dn: 'Germany 2027',
      method: 'get_weekly_off_dates',
    });
    // 52 Saturdays in 2027, one of them (1 May) already listed.
    assert.equal(holidayDates(stored).length, 2 + 51);
    assert.equal((await h.lists.get('Germany 2027', agent)).total_holidays, 2);

    const cleared = await call('run_doc_method', {
      dt: LIST,
      dn: 'Germany 2027',
      method: 'clear_table',
    });
    assert.deepEqual(holidayDates(cleared), []);

    await refused(
      call('run_doc_method', { dt: LIST, dn: 'Default', method: 'get_weekly_off_dates' }),
      'ValidationError',
      417,
      'Please select weekly off day',
    );
    await refused(
      call('run_doc_method', { dt: LIST, dn: 'Germany 2027', method: 'delete' }),
      'PermissionError',
      403,
      'Method delete is not whitelisted for HD Service Holiday List',
    );
    await refused(
      call('run_doc_method', { dt: LIST, dn: 'Germany 2027', method: 'clear_table' }, customer),
      'PermissionError',
      403,
      'Not permitted',
    );
    await refused(
      call('run_doc_method', { dt: LIST, dn: 'Nowhere', method: 'clear_table' }),
      'DoesNotExistError',
      404,
      'HD Service Holiday List Nowhere not found',
    );
  });

  it('feeds the calendar: holidays strictly inside the window, of the lists matching the filters', async () => {
    const reply = await call(GET_EVENTS, {
      start: '2027-01-01 00:00:00',
      end: '2027-12-31',
      filters: JSON.stringify([['color', '=', '#ff0000']]),
    });
    assert.deepEqual(reply.message, [
      {
        name: 'Germany 2027',
        holiday_date: '2027-05-01',
        description: 'Labour Day',
        color: '#ff0000',
        allDay: 1,
      },
    ]);
    const none = await call(GET_EVENTS, {
      start: '2027-01-01',
      end: '2027-12-31',
      filters: '[["color","=","blue"]]',
    });
    assert.deepEqual(none.message, []);
    await refused(call(GET_EVENTS, { start: '2027-01-01' }), 'MandatoryError', 417, /end/);
    await refused(
      call(GET_EVENTS, { start: '2027-01-01', end: '2027-12-31' }, customer),
      'PermissionError',
      403,
      'No permission for HD Service Holiday List',
    );
  });

  it('gives the reckoning every SLA and holiday date, cached until a document changes', async () => {
    const policies = new PostgresSlaPolicies();
    const load = () => inTransaction(h.dataSource, (sql) => policies.load(sql));
    const first = await load();
    assert.equal(await load(), first);
    const germanySla = first.agreement('Germany');
    assert.equal(germanySla?.holiday_list, 'Germany 2027');
    assert.equal(germanySla?.default_sla, 0);
    assert.equal(germanySla?.support_and_resolution[0]?.start_time, '09:00:00');
    assert.ok(!Number.isNaN(Date.parse(germanySla?.creation ?? '')));
    assert.equal(first.agreement('Default')?.default_sla, 1);
    assert.deepEqual(first.holidaysOf('Germany 2027'), ['2027-01-01', '2027-05-01']);
    assert.deepEqual(first.holidaysOf('Nowhere'), []);

    await h.lists.update(
      'Germany 2027',
      { holidays: [{ holiday_date: '2027-10-03', description: 'Unity Day' }] },
      manager,
    );
    const second = await load();
    assert.notEqual(second, first);
    assert.deepEqual(second.holidaysOf('Germany 2027'), ['2027-10-03']);
  });

  it('publishes every save as the whole document, and deletions as the name alone', async () => {
    const log = new SlaDocumentLog(SLA_SCHEMA);
    const toMessage = slaServiceMessage('ns', log);
    // The log is read up to the oldest transaction still open anywhere on the server (other
    // suites share it), so wait until every recorded event can be read.
    const messages = await waitFor(
      () =>
        withConnection(h.dataSource, async (sql) => {
          const { rows } = await sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${SLA_SCHEMA}.events`,
          );
          const read = await log.readAllCommitted(sql, START_OF_LOG, 1000);
          return read.length === rows[0]?.n ? read.map(toMessage) : undefined;
        }),
      { what: 'every recorded SLA event to be readable' },
    );
    const subjects = messages.map((message) => message.subject);
    assert.equal(subjects[0], 'ns.helpdesk.sla.v1.holiday-list-saved');
    assert.equal(subjects[1], 'ns.helpdesk.sla.v1.agreement-saved');
    assert.ok(subjects.includes('ns.helpdesk.sla.v1.holiday-list-deleted'));

    const payloads = messages.map((message) => message.payload as Record<string, unknown>);
    const lastGermany = payloads.filter((p) => p.name === 'Germany 2027').at(-1)!;
    assert.equal(lastGermany.type, 'helpdesk.sla.v1.holiday-list-saved');
    assert.equal(lastGermany.doctype, LIST);
    assert.equal(lastGermany.actor, manager.user);
    const document = lastGermany.data as Record<string, unknown>;
    assert.equal(document.name, 'Germany 2027');
    assert.equal(document.from_date, '2027-01-01');
    assert.equal(document.weekly_off, 'Saturday');
    assert.equal(document.total_holidays, 1);
    assert.equal(document.owner, manager.user);
    assert.equal(document.modified_by, manager.user);
    assert.ok(String(document.creation) < String(document.modified));

    const spare = payloads.filter((p) => p.name === 'Spare');
    assert.deepEqual(
      spare.map((p) => [p.type, p.version]),
      [
        ['helpdesk.sla.v1.holiday-list-saved', 1],
        ['helpdesk.sla.v1.holiday-list-deleted', 2],
      ],
    );
    assert.deepEqual(spare[1]!.data, {});
  });
});
