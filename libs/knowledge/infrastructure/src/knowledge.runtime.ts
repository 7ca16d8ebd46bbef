import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  PEOPLE_EVENTS_STREAM,
  PEOPLE_EVENTS_SUBJECT_PREFIX,
  type PeopleEventV1,
} from '@helpdesk/agent-contracts';
import { KnowledgeCommands } from '@helpdesk/knowledge-application';
import {
  KNOWLEDGE_EVENTS_STREAM,
  KNOWLEDGE_EVENTS_SUBJECT_PREFIX,
} from '@helpdesk/knowledge-contracts';
import {
  startEventIntake,
  startEventRelay,
  type CommittedEventPublisher,
} from '@helpdesk/shared-messaging';
import {
  CATALOGUE_EVENTS_STREAM,
  CATALOGUE_EVENTS_SUBJECT_PREFIX,
  type CatalogueEventV1,
} from '@helpdesk/ticket-contracts';
import { DataSource } from 'typeorm';
import { KnowledgeLog, knowledgeServiceMessage } from './documents/knowledge-log.js';
import { KNOWLEDGE_SCHEMA } from './knowledge.migrations.js';
import {
  KNOWLEDGE_NATS,
  KNOWLEDGE_OPTIONS,
  type KnowledgeServiceOptions,
} from './knowledge-service.options.js';
import { applyKnowledgePeopleEvent } from './people/apply-knowledge-people-event.js';
import { applyKnowledgeSettingsEvent } from './people/apply-knowledge-settings-event.js';
import { SandboxedTemplates } from './rendering/sandboxed-templates.js';

export const KNOWLEDGE_PEOPLE_DURABLE = 'knowledge-service-people';
export const KNOWLEDGE_SETTINGS_DURABLE = 'knowledge-service-settings';

/**
 * At start: the General category installed once, knowledge-service's committed events relayed to
 * JetStream (`helpdesk.knowledge.v1.*`), and its copies of people and settings kept from their
 * owners' events. All of it stops on shutdown, with the template worker.
 */
@Injectable()
export class KnowledgeRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Knowledge');
  private publisher: CommittedEventPublisher | undefined;
  private readonly consumers: { stop(): Promise<void> }[] = [];

  constructor(
    @Inject(KNOWLEDGE_OPTIONS) private readonly options: KnowledgeServiceOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(KNOWLEDGE_NATS) private readonly nats: NatsConnection,
    @Inject(KnowledgeCommands) private readonly commands: KnowledgeCommands,
    @Inject(SandboxedTemplates) private readonly templates: SandboxedTemplates,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { namespace, databaseUrl } = this.options;
    const general = await this.commands.installGeneralCategory({ user: 'Administrator' });
    if (general) this.logger.log(`installed the General category (${general})`);
    const log = new KnowledgeLog(KNOWLEDGE_SCHEMA);
    this.publisher = await startEventRelay({
      name: 'KnowledgeEventRelay',
      nats: this.nats,
      namespace,
      streams: [
        { stream: KNOWLEDGE_EVENTS_STREAM, subjectPrefix: KNOWLEDGE_EVENTS_SUBJECT_PREFIX },
      ],
      dataSource: this.dataSource,
      databaseUrl,
      store: log,
      schema: KNOWLEDGE_SCHEMA,
      toMessage: knowledgeServiceMessage(namespace, log),
    });
    this.consumers.push(
      await startEventIntake<PeopleEventV1>({
        namespace,
        nats: this.nats,
        dataSource: this.dataSource,
        schema: KNOWLEDGE_SCHEMA,
        stream: PEOPLE_EVENTS_STREAM,
        subjectPrefix: PEOPLE_EVENTS_SUBJECT_PREFIX,
        durable: KNOWLEDGE_PEOPLE_DURABLE,
        handle: applyKnowledgePeopleEvent,
        ackWaitMs: 30_000,
      }),
      await startEventIntake<CatalogueEventV1>({
        namespace,
        nats: this.nats,
        dataSource: this.dataSource,
        schema: KNOWLEDGE_SCHEMA,
        stream: CATALOGUE_EVENTS_STREAM,
        subjectPrefix: CATALOGUE_EVENTS_SUBJECT_PREFIX,
        durable: KNOWLEDGE_SETTINGS_DURABLE,
        handle: applyKnowledgeSettingsEvent,
        ackWaitMs: 30_000,
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.publisher?.stop();
    await this.templates.close();
  }
}
