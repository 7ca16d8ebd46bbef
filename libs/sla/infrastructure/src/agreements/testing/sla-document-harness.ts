import assert from 'node:assert/strict';
import {
  holidayListMethods,
  serviceHolidayListResource,
  serviceLevelAgreementResource,
  ServiceHolidayListCommands,
  ServiceLevelAgreementCommands,
  type SlaDocumentCommandsOptions,
  type TicketFacts,
} from '@helpdesk/sla-application';
import {
  createServiceDataSource,
  PostgresEventStore,
  runMigrations,
} from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { DoctypeResource, MethodRegistry, RequestContext } from '@helpdesk/shared-messaging';
import { createTestDatabase, type TestDatabase } from '@helpdesk/shared-testing';
import type { DataSource } from 'typeorm';
import { SLA_SCHEMA, slaMigrations } from '../../sla.migrations.js';
import { PostgresSlaDocumentFacts } from '../postgres-sla-document-facts.js';
import { PostgresHolidayCalendar, PostgresSlaDocuments } from '../postgres-sla-documents.js';
import { slaDocumentProjection } from '../sla-document-projection.js';

export const ZONE = 'Europe/Berlin';

export const as = (user: string, ...roles: string[]): RequestContext => ({
  user,
  roles,
  correlationId: 'c-1',
});
export const manager = as('maya@example.com', 'Agent Manager');
export const agent = as('anna@example.com', 'Agent');
export const customer = as('jo@example.com');

/** ticket-service's seeded catalogue, as the SLA rules are told it. */
export const TICKET_FACTS: TicketFacts = {
  ticketPriorities: ['Urgent', 'High', 'Medium', 'Low'].map((name) => ({ name, enabled: true })),
  openTicketStatuses: ['Open', 'Replied'],
};

export interface SlaDocumentHarness {
  db: TestDatabase;
  dataSource: DataSource;
  agreements: ServiceLevelAgreementCommands;
  holidayLists: ServiceHolidayListCommands;
  slas: DoctypeResource;
  lists: DoctypeResource;
  methods: MethodRegistry;
  stop(): Promise<void>;
}

/** The SLA documents' commands, resources and methods over a fresh, migrated database. */
export async function startSlaDocumentHarness(): Promise<SlaDocumentHarness> {
  const db = await createTestDatabase();
  const dataSource = await createServiceDataSource({
    url: db.url,
    schema: SLA_SCHEMA,
    poolSize: 6,
    migrations: slaMigrations,
    applicationName: 'sla-documents-spec',
  }).initialize();
  await runMigrations(dataSource, SLA_SCHEMA);
  const options: SlaDocumentCommandsOptions = {
    dataSource,
    store: new PostgresEventStore(SLA_SCHEMA),
    project: slaDocumentProjection,
    facts: new PostgresSlaDocumentFacts(),
    catalogue: { facts: async () => TICKET_FACTS },
    siteTimeZone: ZONE,
  };
  const agreements = new ServiceLevelAgreementCommands(options);
  const holidayLists = new ServiceHolidayListCommands(options);
  const listReads = PostgresSlaDocuments.holidayLists(dataSource, ZONE);
  return {
    db,
    dataSource,
    agreements,
    holidayLists,
    slas: serviceLevelAgreementResource(
      PostgresSlaDocuments.agreements(dataSource, ZONE),
      agreements,
    ),
    lists: serviceHolidayListResource(listReads, holidayLists),
    methods: holidayListMethods(listReads, new PostgresHolidayCalendar(dataSource, ZONE)),
    async stop() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** Asserts a Frappe refusal: its class, HTTP status and message. */
export async function refused(
  work: Promise<unknown>,
  excType: string,
  httpStatus: number,
  message: string | RegExp,
): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof FrappeError, String(error));
    assert.equal(error.excType, excType);
    assert.equal(error.httpStatus, httpStatus);
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

/** A valid SLA as Helpdesk's form sends it, on the seeded "Default" holiday list. */
export const slaBody = (service_level: string, extra: Record<string, unknown> = {}) => ({
  doctype: 'HD Service Level Agreement',
  service_level,
  description: `${service_level} customers`,
  condition_json: '[["priority","==","High"]]',
  holiday_list: 'Default',
  support_and_resolution: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map(
    (workday) => ({ workday, start_time: '09:00:00', end_time: '17:00:00' }),
  ),
  priorities: [
    { priority: 'Urgent', response_time: 900, resolution_time: 3600 },
    { priority: 'High', response_time: 1800, resolution_time: 7200, default_priority: 1 },
    { priority: 'Medium', response_time: 3600, resolution_time: 14400 },
    { priority: 'Low', response_time: 7200, resolution_time: 28800 },
  ],
  ...extra,
});
