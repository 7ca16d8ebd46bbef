import { randomBytes } from 'node:crypto';
import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  createServiceDataSource,
  PostgresEventStore,
  openMigrated,
  withConnection,
} from '@helpdesk/shared-event-store';
import { startEventRelay, type CommittedEventPublisher } from '@helpdesk/shared-messaging';
import {
  CatalogueCommands,
  CatalogueResource,
  CloseInactiveTicketHandler,
  GetTicketHandler,
  HdSettingsResource,
  OpenTicketHandler,
  CommunicationResource,
  TicketCommands,
  TicketCommentResource,
  TicketResource,
  type DoctypeResource,
} from '@helpdesk/ticket-application';
import {
  CATALOGUE_SEEDS,
  CATALOGUE_SCHEMAS,
  type CatalogueDoctype,
} from '@helpdesk/ticket-catalogue-domain';
import { AutoCloseTimers } from './auto-close/auto-close-timers.js';
import { TicketAutoClose } from './auto-close/ticket-auto-close.js';
import { PostgresCatalogueDocuments } from './catalogue/catalogue-documents.js';
import { PostgresCatalogueReadModel } from './catalogue/postgres-catalogue-read-model.js';
import {
  ResourceMessagesController,
  TICKET_DOCTYPES,
  type DoctypeRegistry,
} from './resource-messages.controller.js';
import { ticketServiceMethods } from './ticket-service-methods.js';
import {
  CATALOGUE_EVENTS_STREAM,
  CATALOGUE_EVENTS_SUBJECT_PREFIX,
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
} from '@helpdesk/ticket-contracts';
import { DataSource } from 'typeorm';
import { AssignmentRuleMessagesController } from './assignment/assignment-rule-messages.controller.js';
import { SlaMessagesController } from './sla/sla-messages.controller.js';
import { ResponseMetricsMessagesController } from './metrics/response-metrics-messages.controller.js';
import { TicketQueriesController } from './ticket-queries.controller.js';
import { PostgresConversationDocuments } from './conversation/postgres-conversation-documents.js';
import { PostgresPeopleDirectory } from './people/postgres-people-directory.js';
import { PeopleEventIntake } from './people/people-event-intake.js';
import { PostgresContactLinks } from './people/postgres-contact-links.js';
import { RemovedPeopleTickets } from './people/removed-people-tickets.js';
import { PostgresTicketHistory } from './history/postgres-ticket-history.js';
import {
  MethodMessagesController,
  TICKET_METHODS,
  type MethodRegistry,
} from './method-messages.controller.js';
import { PostgresTicketReadModel } from './postgres-ticket-read-model.js';
import { ticketServiceMessage } from './ticket-integration-events.js';
import { TICKET_SCHEMA, ticketMigrations } from './ticket.migrations.js';

export interface TicketServiceOptions {
  databaseUrl: string;
  databasePoolSize: number;
  natsUrl: string;
  /** BullMQ's store: the auto-close jobs. */
  redisUrl: string;
  namespace: string;
  timeZone: string;
  publishBatchSize: number;
}

export const TICKET_OPTIONS = Symbol('TICKET_OPTIONS');
export const TICKET_NATS = Symbol('TICKET_NATS');

/** Communications and comments are named by a random hash, as Frappe names them. */
const conversationId = (): string => randomBytes(10).toString('hex');

export function createTicketDataSource(
  options: Pick<TicketServiceOptions, 'databaseUrl' | 'databasePoolSize'>,
): DataSource {
  return createServiceDataSource({
    url: options.databaseUrl,
    schema: TICKET_SCHEMA,
    poolSize: options.databasePoolSize,
    migrations: ticketMigrations,
    applicationName: 'ticket-service',
  });
}

/**
 * Starts and stops with the app the relay of committed ticket events to JetStream, the people
 * intake and HD Settings' auto-close jobs.
 */
class TicketEventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private publisher: CommittedEventPublisher | undefined;
  private people: PeopleEventIntake | undefined;
  private autoClose: TicketAutoClose | undefined;

  constructor(
    @Inject(TICKET_OPTIONS) private readonly options: TicketServiceOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TICKET_NATS) private readonly nats: NatsConnection,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(CatalogueCommands) private readonly catalogues: CatalogueCommands,
    @Inject(TicketCommands) private readonly commands: TicketCommands,
    @Inject(PostgresTicketReadModel) private readonly readModel: PostgresTicketReadModel,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.catalogues.seed(CATALOGUE_SEEDS);
    const { namespace } = this.options;
    this.publisher = await startEventRelay({
      name: 'TicketEventRelay',
      nats: this.nats,
      namespace,
      streams: [
        { stream: TICKET_EVENTS_STREAM, subjectPrefix: TICKET_EVENTS_SUBJECT_PREFIX },
        { stream: CATALOGUE_EVENTS_STREAM, subjectPrefix: CATALOGUE_EVENTS_SUBJECT_PREFIX },
      ],
      dataSource: this.dataSource,
      databaseUrl: this.options.databaseUrl,
      store: this.store,
      schema: TICKET_SCHEMA,
      toMessage: ticketServiceMessage(namespace),
      batchSize: this.options.publishBatchSize,
    });
    const removals = new RemovedPeopleTickets(this.dataSource, this.commands);
    this.people = new PeopleEventIntake({
      namespace,
      dataSource: this.dataSource,
      nats: this.nats,
      afterCommit: (event) => removals.follow(event),
    });
    await this.people.start();
    const { dataSource, store, readModel } = this;
    const catalogues = new PostgresCatalogueReadModel();
    this.autoClose = new TicketAutoClose({
      namespace,
      nats: this.nats,
      dataSource,
      timers: new AutoCloseTimers({
        dataSource,
        catalogues,
        close: new CloseInactiveTicketHandler({ dataSource, store, readModel, catalogues }),
        redis: { url: this.options.redisUrl, namespace },
      }),
    });
    await this.autoClose.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.autoClose?.stop();
    await this.people?.stop();
    await this.publisher?.stop();
    await this.nats.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class TicketServiceModule {
  static forRoot(options: TicketServiceOptions): DynamicModule {
    return {
      module: TicketServiceModule,
      controllers: [
        ResourceMessagesController,
        MethodMessagesController,
        AssignmentRuleMessagesController,
        SlaMessagesController,
        ResponseMetricsMessagesController,
        TicketQueriesController,
      ],
      providers: [
        { provide: TICKET_OPTIONS, useValue: options },
        {
          provide: DataSource,
          useFactory: () => openMigrated(createTicketDataSource(options), TICKET_SCHEMA),
        },
        {
          provide: TICKET_NATS,
          useFactory: () => connect({ servers: options.natsUrl, name: 'ticket-service-events' }),
        },
        { provide: PostgresEventStore, useValue: new PostgresEventStore(TICKET_SCHEMA) },
        {
          provide: PostgresTicketReadModel,
          useValue: new PostgresTicketReadModel(options.timeZone),
        },
        {
          provide: OpenTicketHandler,
          inject: [DataSource, PostgresEventStore, PostgresTicketReadModel],
          useFactory: (
            dataSource: DataSource,
            store: PostgresEventStore,
            readModel: PostgresTicketReadModel,
          ) =>
            new OpenTicketHandler({
              dataSource,
              store,
              readModel,
              catalogues: new PostgresCatalogueReadModel(),
              contacts: new PostgresContactLinks(),
              timeZone: options.timeZone,
              newId: conversationId,
            }),
        },
        {
          provide: GetTicketHandler,
          inject: [DataSource, PostgresTicketReadModel],
          useFactory: (dataSource: DataSource, readModel: PostgresTicketReadModel) =>
            new GetTicketHandler(dataSource, readModel),
        },
        {
          provide: CatalogueCommands,
          inject: [DataSource, PostgresEventStore],
          useFactory: (dataSource: DataSource, store: PostgresEventStore) =>
            new CatalogueCommands(dataSource, store, new PostgresCatalogueReadModel()),
        },
        {
          provide: TicketCommands,
          inject: [DataSource, PostgresEventStore, PostgresTicketReadModel],
          useFactory: (
            dataSource: DataSource,
            store: PostgresEventStore,
            readModel: PostgresTicketReadModel,
          ) =>
            new TicketCommands({
              dataSource,
              store,
              readModel,
              catalogues: new PostgresCatalogueReadModel(),
              contacts: new PostgresContactLinks(),
              timeZone: options.timeZone,
            }),
        },
        {
          provide: PostgresConversationDocuments,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new PostgresConversationDocuments(dataSource, options.timeZone),
        },
        {
          provide: TICKET_DOCTYPES,
          inject: [
            DataSource,
            CatalogueCommands,
            OpenTicketHandler,
            GetTicketHandler,
            TicketCommands,
            PostgresConversationDocuments,
          ],
          useFactory: (
            dataSource: DataSource,
            catalogues: CatalogueCommands,
            open: OpenTicketHandler,
            read: GetTicketHandler,
            commands: TicketCommands,
            conversations: PostgresConversationDocuments,
          ) => {
            const documents = new PostgresCatalogueDocuments(dataSource, options.timeZone);
            const registry = new Map<string, DoctypeResource>([
              ['HD Ticket', new TicketResource(open, read, commands)],
              ['HD Settings', new HdSettingsResource(catalogues, documents)],
              ['Communication', new CommunicationResource(conversations)],
              [
                'HD Ticket Comment',
                new TicketCommentResource(conversations, read, commands, conversationId),
              ],
            ]);
            for (const doctype of Object.keys(CATALOGUE_SCHEMAS) as CatalogueDoctype[]) {
              registry.set(doctype, new CatalogueResource(doctype, catalogues, documents));
            }
            return registry;
          },
        },
        {
          provide: TICKET_METHODS,
          inject: [
            DataSource,
            GetTicketHandler,
            TicketCommands,
            PostgresConversationDocuments,
            TICKET_DOCTYPES,
            PostgresEventStore,
            OpenTicketHandler,
          ],
          useFactory: (
            dataSource: DataSource,
            read: GetTicketHandler,
            commands: TicketCommands,
            conversations: PostgresConversationDocuments,
            doctypes: DoctypeRegistry,
            store: PostgresEventStore,
            open: OpenTicketHandler,
          ): MethodRegistry =>
            ticketServiceMethods({
              read,
              commands,
              conversations,
              doctypes,
              newId: conversationId,
              history: new PostgresTicketHistory(dataSource, store, options.timeZone),
              people: new PostgresPeopleDirectory(dataSource),
              timeZone: options.timeZone,
              dataSource,
              open,
              restrictsByTeam: () =>
                withConnection(dataSource, async (sql) => {
                  const settings = await new PostgresCatalogueReadModel().settings(sql);
                  return settings.restrict_tickets_by_agent_group === 1;
                }),
            }),
        },
        TicketEventRelay,
      ],
      exports: [DataSource, TICKET_NATS],
    };
  }
}
