import type { Provider, Type } from '@nestjs/common';
import {
  holidayListMethods,
  serviceHolidayListResource,
  serviceLevelAgreementResource,
  ServiceHolidayListCommands,
  ServiceLevelAgreementCommands,
  type SlaDocumentCommandsOptions,
} from '@helpdesk/sla-application';
import { SLA_SERVICE } from '@helpdesk/sla-contracts';
import { HOLIDAY_LIST_DOCTYPE, SLA_DOCTYPE } from '@helpdesk/sla-domain';
import { PostgresEventStore } from '@helpdesk/shared-event-store';
import {
  methodMessagesController,
  resourceMessagesController,
  type DoctypeRegistry,
  type DoctypeResource,
  type MethodRegistry,
} from '@helpdesk/shared-messaging';
import { DataSource } from 'typeorm';
import { ServiceRequests } from '@helpdesk/shared-messaging';
import type { SlaServiceOptions } from '../sla-service.options.js';
import { PostgresSlaDocumentFacts } from './postgres-sla-document-facts.js';
import { PostgresHolidayCalendar, PostgresSlaDocuments } from './postgres-sla-documents.js';
import { PostgresSlaPolicies } from './postgres-sla-policies.js';
import { RpcTicketCatalogue } from './rpc-ticket-catalogue.js';
import { slaDocumentProjection } from './sla-document-projection.js';
import { SlaDocumentsRuntime } from './sla-documents.runtime.js';

/** The `SlaPolicies` implementation the reckoning reads. */
export const SLA_POLICIES = Symbol('SLA_POLICIES');

const SLA_DOCTYPES = Symbol('SLA_DOCTYPES');
const SLA_METHODS = Symbol('SLA_METHODS');
const SLA_DOCUMENT_COMMANDS = Symbol('SLA_DOCUMENT_COMMANDS');
const AGREEMENT_READS = Symbol('AGREEMENT_READS');
const HOLIDAY_LIST_READS = Symbol('HOLIDAY_LIST_READS');

/**
 * HD Service Level Agreement and HD Service Holiday List: their commands, read models, resource
 * and method controllers, the relay publishing their events, the seeded "Default" documents, and
 * the `SlaPolicies` the reckoning reads (provided under `SLA_POLICIES`).
 */
export function agreementParts(options: SlaServiceOptions): {
  providers: Provider[];
  controllers: Type[];
} {
  const commandOptions = (
    dataSource: DataSource,
    store: PostgresEventStore,
    requests: ServiceRequests,
  ) =>
    ({
      dataSource,
      store,
      project: slaDocumentProjection,
      facts: new PostgresSlaDocumentFacts(),
      catalogue: new RpcTicketCatalogue(requests),
      siteTimeZone: options.timeZone,
    }) satisfies SlaDocumentCommandsOptions;
  return {
    controllers: [
      resourceMessagesController(SLA_SERVICE, SLA_DOCTYPES),
      methodMessagesController(SLA_SERVICE, SLA_METHODS),
    ],
    providers: [
      {
        provide: SLA_DOCUMENT_COMMANDS,
        inject: [DataSource, PostgresEventStore, ServiceRequests],
        useFactory: commandOptions,
      },
      {
        provide: ServiceLevelAgreementCommands,
        inject: [SLA_DOCUMENT_COMMANDS],
        useFactory: (given: SlaDocumentCommandsOptions) => new ServiceLevelAgreementCommands(given),
      },
      {
        provide: ServiceHolidayListCommands,
        inject: [SLA_DOCUMENT_COMMANDS],
        useFactory: (given: SlaDocumentCommandsOptions) => new ServiceHolidayListCommands(given),
      },
      {
        provide: AGREEMENT_READS,
        inject: [DataSource],
        useFactory: (dataSource: DataSource) =>
          PostgresSlaDocuments.agreements(dataSource, options.timeZone),
      },
      {
        provide: HOLIDAY_LIST_READS,
        inject: [DataSource],
        useFactory: (dataSource: DataSource) =>
          PostgresSlaDocuments.holidayLists(dataSource, options.timeZone),
      },
      {
        provide: SLA_DOCTYPES,
        inject: [
          AGREEMENT_READS,
          HOLIDAY_LIST_READS,
          ServiceLevelAgreementCommands,
          ServiceHolidayListCommands,
        ],
        useFactory: (
          agreementReads: PostgresSlaDocuments,
          holidayListReads: PostgresSlaDocuments,
          agreements: ServiceLevelAgreementCommands,
          holidayLists: ServiceHolidayListCommands,
        ) =>
          new Map<string, DoctypeResource>([
            [SLA_DOCTYPE, serviceLevelAgreementResource(agreementReads, agreements)],
            [HOLIDAY_LIST_DOCTYPE, serviceHolidayListResource(holidayListReads, holidayLists)],
          ]) satisfies DoctypeRegistry,
      },
      {
        provide: SLA_METHODS,
        inject: [HOLIDAY_LIST_READS, DataSource],
        useFactory: (holidayListReads: PostgresSlaDocuments, dataSource: DataSource) =>
          holidayListMethods(
            holidayListReads,
            new PostgresHolidayCalendar(dataSource, options.timeZone),
          ) satisfies MethodRegistry,
      },
      { provide: SLA_POLICIES, useFactory: () => new PostgresSlaPolicies() },
      SlaDocumentsRuntime,
    ],
  };
}
