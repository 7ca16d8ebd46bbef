import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  installDefaultSlaDocuments,
  ServiceHolidayListCommands,
  ServiceLevelAgreementCommands,
} from '@helpdesk/sla-application';
import { SLA_EVENTS_STREAM, SLA_EVENTS_SUBJECT_PREFIX } from '@helpdesk/sla-contracts';
import { startEventRelay, type CommittedEventPublisher } from '@helpdesk/shared-messaging';
import { DataSource } from 'typeorm';
import { SLA_SCHEMA } from '../sla.migrations.js';
import { SLA_NATS, SLA_OPTIONS, type SlaServiceOptions } from '../sla-service.options.js';
import { SlaDocumentLog } from './sla-document-log.js';
import { slaServiceMessage } from './sla-integration-events.js';

/**
 * At start: the "Default" holiday list and SLA installed once, then sla-service's committed
 * events relayed to JetStream (`helpdesk.sla.v1.*`); the relay stops on shutdown.
 */
@Injectable()
export class SlaDocumentsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SlaDocuments');
  private publisher: CommittedEventPublisher | undefined;

  constructor(
    @Inject(SLA_OPTIONS) private readonly options: SlaServiceOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SLA_NATS) private readonly nats: NatsConnection,
    @Inject(ServiceLevelAgreementCommands)
    private readonly agreements: ServiceLevelAgreementCommands,
    @Inject(ServiceHolidayListCommands) private readonly holidayLists: ServiceHolidayListCommands,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { namespace, databaseUrl, timeZone } = this.options;
    const installed = await installDefaultSlaDocuments({
      agreements: this.agreements,
      holidayLists: this.holidayLists,
      timeZone,
    });
    for (const document of installed) this.logger.log(`installed ${document}`);
    const log = new SlaDocumentLog(SLA_SCHEMA);
    this.publisher = await startEventRelay({
      name: 'SlaEventRelay',
      nats: this.nats,
      namespace,
      streams: [{ stream: SLA_EVENTS_STREAM, subjectPrefix: SLA_EVENTS_SUBJECT_PREFIX }],
      dataSource: this.dataSource,
      databaseUrl,
      store: log,
      schema: SLA_SCHEMA,
      toMessage: slaServiceMessage(namespace, log),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher?.stop();
  }
}
