import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createServiceDataSource,
  inTransaction,
  runMigrations,
  withConnection,
} from '@helpdesk/shared-event-store';
import {
  TicketSlaClock,
  type ClockTicketEvent,
  type SlaCatalogue,
  type SlaPolicies,
} from '@helpdesk/sla-application';
import { seededDefaultSla } from '@helpdesk/sla-domain';
import { createTestDatabase, type TestDatabase } from '@helpdesk/shared-testing';
import type { DataSource } from 'typeorm';
import { SLA_SCHEMA, slaMigrations } from '../sla.migrations.js';
import { PostgresTicketClocks } from './postgres-ticket-clocks.js';

const ZONE = 'Europe/Berlin';
/** The seeded "Default" SLA as the only one, with no holidays (a fixed catalogue). */
const catalogue: SlaCatalogue = {
  agreements: [{ ...seededDefaultSla(ZONE), creation: '2026-01-01T00:00:00.000Z' }],
  agreement: (name) => (name === 'Default' ? catalogue.agreements[0] : undefined),
  holidaysOf: () => [],
};
const policies: SlaPolicies = { load: async () => catalogue };

// Friday 20 November 2026, 17:00 in Berlin (UTC+1).
const FRIDAY_17 = '2026-11-20T16:00:00.000Z';
let version = 0;
const event = (
  ticket: number,
  kind: string,
  data: Record<string, unknown>,
  occurredAt = FRIDAY_17,
): ClockTicketEvent => ({
  id: `e-${ticket}-${++version}`,
  type: `helpdesk.ticket.v1.${kind}`,
  ticket,
  ticketVersion: 0,
  occurredAt,
  actor: 'agent@example.com',
  correlationId: null,
  data,
});
const opened = (ticket: number, priority: string) => ({
  ...event(ticket, 'opened', {
    subject: 'Printer',
    raised_by: 'jo@example.com',
    status: 'Open',
    status_category: 'Open',
    priority,
    ticket_type: 'Unspecified',
  }),
  ticketVersion: 1,
});

describe('the SLA clock of a ticket over Postgres', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let clock: TicketSlaClock;
  // Monday 23 November 2026, 09:00 in Berlin: before the deadlines of a Friday-17:00 ticket.
  let now = new Date('2026-11-23T08:00:00.000Z');

  async function owed(ticket: number) {
    const { rows } = await withConnection(dataSource, (sql) =>
      sql.query<{
        based_on: number;
        payload: { fields: Record<string, unknown> };
        pending: boolean;
      }>(`SELECT based_on, payload, pending FROM sla.reckoning WHERE ticket = $1`, [ticket]),
    );
    return rows[0];
  }

  before(async () => {
    db = await createTestDatabase();
    dataSource = await createServiceDataSource({
      url: db.url,
      schema: SLA_SCHEMA,
      poolSize: 4,
      migrations: slaMigrations,
      applicationName: 'ticket-sla-clock-spec',
    }).initialize();
    await runMigrations(dataSource, SLA_SCHEMA);
    clock = new TicketSlaClock({
      clocks: new PostgresTicketClocks(),
      policies,
      siteTimeZone: ZONE,
      clock: () => now,
    });
  });

  after(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('given a ticket opened Friday 17:00 Urgent, it owes §1.5’s deadlines once', async () => {
    const open = opened(1, 'Urgent');
    await inTransaction(dataSource, (sql) => clock.apply(sql, open));
    const first = await owed(1);
    assert.ok(first);
    assert.equal(first.based_on, 1);
    assert.equal(first.payload.fields.sla, 'Default');
    assert.equal(first.payload.fields.response_by, '2026-11-20T16:30:00.000Z', 'Fri 17:30');
    assert.equal(first.payload.fields.resolution_by, '2026-11-23T10:00:00.000Z', 'Mon 11:00');
    assert.equal(first.payload.fields.agreement_status, 'Failed', 'Fri 17:30 has passed');
    await withConnection(dataSource, (sql) =>
      sql.query(`UPDATE sla.reckoning SET pending = false WHERE ticket = 1`),
    );
    await inTransaction(dataSource, (sql) => clock.apply(sql, open));
    assert.equal((await owed(1))?.pending, false, 'the same event again owes nothing');
  });

  it('refuses an event that overtakes one it follows, and skips one already applied', async () => {
    await inTransaction(dataSource, (sql) => clock.apply(sql, opened(2, 'High')));
    const third = { ...event(2, 'priority-changed', { priority: 'Low' }), ticketVersion: 3 };
    await assert.rejects(
      inTransaction(dataSource, (sql) => clock.apply(sql, third)),
      /version 3 arrived after 1/,
    );
    const second = { ...event(2, 'priority-changed', { priority: 'Urgent' }), ticketVersion: 2 };
    await inTransaction(dataSource, (sql) => clock.apply(sql, second));
    await inTransaction(dataSource, (sql) => clock.apply(sql, third));
    assert.equal((await owed(2))?.based_on, 3);
    assert.equal(
      (await owed(2))?.payload.fields.response_by,
      '2026-11-25T16:00:00.000Z',
      'Low: 24 working hours from Fri 17:00 end Wed 17:00',
    );
  });

  it('pausing and resuming moves resolution_by later by the paused working time', async () => {
    now = new Date('2026-11-24T08:00:00.000Z');
    // Monday 11:00 Berlin, High: response Mon 12:00, resolution Mon 15:00.
    const mondayOpen = {
      ...opened(3, 'High'),
      occurredAt: '2026-11-23T10:00:00.000Z',
    };
    await inTransaction(dataSource, (sql) => clock.apply(sql, mondayOpen));
    const pause = {
      ...event(
        3,
        'status-changed',
        { to: 'Replied', to_category: 'Paused', first_responded_on: '2026-11-23T10:30:00.000Z' },
        '2026-11-23T10:30:00.000Z',
      ),
      ticketVersion: 2,
    };
    const resume = {
      ...event(
        3,
        'status-changed',
        { to: 'Open', to_category: 'Open' },
        '2026-11-23T11:15:00.000Z',
      ),
      ticketVersion: 3,
    };
    await inTransaction(dataSource, (sql) => clock.apply(sql, pause));
    assert.equal((await owed(3))?.payload.fields.on_hold_since, '2026-11-23T10:30:00.000Z');
    await inTransaction(dataSource, (sql) => clock.apply(sql, resume));
    const fields = (await owed(3))?.payload.fields;
    assert.equal(fields?.total_hold_time, 45 * 60, 'paused 11:30–12:15 Berlin');
    assert.equal(fields?.resolution_by, '2026-11-23T14:45:00.000Z', 'Mon 15:45 = 15:00 + 45 min');
    assert.equal(fields?.on_hold_since, null);
  });

  it('a deadline passing turns the agreement Failed when reckoned again', async () => {
    now = new Date('2026-11-23T08:00:00.000Z');
    const mondayOpen = { ...opened(4, 'Urgent'), occurredAt: '2026-11-23T08:00:00.000Z' };
    await inTransaction(dataSource, (sql) => clock.apply(sql, mondayOpen));
    assert.equal((await owed(4))?.payload.fields.agreement_status, 'First Response Due');
    const { rows } = await withConnection(dataSource, (sql) =>
      sql.query<{ fails_at: Date }>(`SELECT fails_at FROM sla.ticket_clock WHERE ticket = 4`),
    );
    assert.equal(rows[0]?.fails_at.toISOString(), '2026-11-23T09:30:00.000Z', 'Mon 10:30 Berlin');
    now = new Date('2026-11-23T09:30:01.000Z');
    const owes = await inTransaction(dataSource, (sql) =>
      clock.reckonAgain(sql, 4, { actor: 'Administrator', correlationId: null }),
    );
    assert.equal(owes, true);
    assert.equal((await owed(4))?.payload.fields.agreement_status, 'Failed');
  });
});
