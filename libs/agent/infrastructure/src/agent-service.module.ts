import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  ContactDirectory,
  ContactResource,
  DirectoryMethods,
  HdCustomerResource,
  Invitations,
  HdAgentResource,
  HdAgentStatusResource,
  HdFieldLayoutResource,
  HdTeamResource,
  PeopleCommands,
  PeopleMethods,
  peopleListViews,
  UserResource,
  type PeopleDocType,
  type PeopleResource,
} from '@helpdesk/agent-application';
import {
  AGENT_SERVICE,
  PEOPLE_EVENTS_STREAM,
  PEOPLE_EVENTS_SUBJECT_PREFIX,
} from '@helpdesk/agent-contracts';
import {
  createServiceDataSource,
  openMigrated,
  PostgresEventStore,
} from '@helpdesk/shared-event-store';
import {
  startEventRelay,
  type CommittedEventPublisher,
  methodMessagesController,
  NamespacedNatsClient,
  resourceMessagesController,
  type DoctypeRegistry,
  type MethodRegistry,
} from '@helpdesk/shared-messaging';
import { DataSource } from 'typeorm';
import { AgentMessagesController } from './agent-messages.controller.js';
import { AGENT_SCHEMA, agentMigrations } from './agent.migrations.js';
import { UserCredentials, type IssuedKeyPair } from './user-credentials.js';
import {
  ADMIN_KEY_PAIR,
  ADMIN_PASSWORD,
  AdministratorBootstrap,
} from './people/administrator-bootstrap.js';
import { peopleServiceMessage } from './people/people-integration-events.js';
import { projectPeople } from './people/people-projection.js';
import { PostgresMailbox } from './people/postgres-mailbox.js';
import { PostgresPeopleDocuments } from './people/postgres-people-documents.js';
import { NatsContactTicketCounts } from './people/nats-contact-ticket-counts.js';
import { PEOPLE_META } from './people/people.meta.js';

export interface AgentServiceOptions {
  databaseUrl: string;
  databasePoolSize: number;
  natsUrl: string;
  namespace: string;
  timeZone: string;
  adminKeyPair?: IssuedKeyPair;
  /** Administrator's login password (`POST /api/method/login`); none: key pairs only. */
  adminPassword?: string;
  /** How long a question to another service (ticket counts) may take. */
  requestTimeoutMs?: number;
}

const AGENT_OPTIONS = Symbol('AGENT_OPTIONS');
export const AGENT_NATS = Symbol('AGENT_NATS');
const AGENT_DOCTYPES = Symbol('AGENT_DOCTYPES');
const AGENT_METHODS = Symbol('AGENT_METHODS');

export function createAgentDataSource(
  options: Pick<AgentServiceOptions, 'databaseUrl' | 'databasePoolSize'>,
): DataSource {
  return createServiceDataSource({
    url: options.databaseUrl,
    schema: AGENT_SCHEMA,
    poolSize: options.databasePoolSize,
    migrations: agentMigrations,
    applicationName: 'agent-service',
  });
}

/** Relays agent-service's committed public events to JetStream for the other services. */
class PeopleEventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private publisher: CommittedEventPublisher | undefined;

  constructor(
    @Inject(AGENT_OPTIONS) private readonly options: AgentServiceOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AGENT_NATS) private readonly nats: NatsConnection,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { namespace } = this.options;
    this.publisher = await startEventRelay({
      name: 'PeopleEventRelay',
      nats: this.nats,
      namespace,
      streams: [{ stream: PEOPLE_EVENTS_STREAM, subjectPrefix: PEOPLE_EVENTS_SUBJECT_PREFIX }],
      dataSource: this.dataSource,
      databaseUrl: this.options.databaseUrl,
      store: this.store,
      schema: AGENT_SCHEMA,
      toMessage: peopleServiceMessage(namespace),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher?.stop();
    await this.nats.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class AgentServiceModule {
  static forRoot(options: AgentServiceOptions): DynamicModule {
    return {
      module: AgentServiceModule,
      controllers: [
        AgentMessagesController,
        resourceMessagesController(AGENT_SERVICE, AGENT_DOCTYPES),
        methodMessagesController(AGENT_SERVICE, AGENT_METHODS),
      ],
      providers: [
        { provide: AGENT_OPTIONS, useValue: options },
        { provide: ADMIN_KEY_PAIR, useValue: options.adminKeyPair },
        { provide: ADMIN_PASSWORD, useValue: options.adminPassword },
        {
          provide: DataSource,
          useFactory: () => openMigrated(createAgentDataSource(options), AGENT_SCHEMA),
        },
        {
          provide: AGENT_NATS,
          useFactory: () => connect({ servers: options.natsUrl, name: 'agent-service-events' }),
        },
        { provide: PostgresEventStore, useValue: new PostgresEventStore(AGENT_SCHEMA) },
        {
          provide: PostgresPeopleDocuments,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new PostgresPeopleDocuments(ds, options.timeZone),
        },
        {
          provide: PeopleCommands,
          inject: [DataSource, PostgresEventStore, PostgresPeopleDocuments],
          useFactory: (
            dataSource: DataSource,
            store: PostgresEventStore,
            documents: PostgresPeopleDocuments,
          ) =>
            new PeopleCommands({ dataSource, store, project: projectPeople, lookups: documents }),
        },
        {
          provide: ContactDirectory,
          inject: [PeopleCommands, PostgresPeopleDocuments],
          useFactory: (commands: PeopleCommands, documents: PostgresPeopleDocuments) =>
            new ContactDirectory(commands, documents),
        },
        {
          provide: AGENT_DOCTYPES,
          inject: [PostgresPeopleDocuments, PeopleCommands, ContactDirectory],
          useFactory: (
            documents: PostgresPeopleDocuments,
            commands: PeopleCommands,
            contacts: ContactDirectory,
          ) =>
            new Map<PeopleDocType, PeopleResource>([
              ['User', new UserResource(documents, commands)],
              ['HD Agent', new HdAgentResource(documents, commands)],
              ['HD Team', new HdTeamResource(documents, commands)],
              ['HD Agent Status', new HdAgentStatusResource(documents, commands)],
              ['Contact', new ContactResource(documents, commands, contacts)],
              ['HD Customer', new HdCustomerResource(documents, commands, contacts)],
              ['HD Field Layout', new HdFieldLayoutResource(documents, commands)],
            ]) satisfies DoctypeRegistry,
        },
        {
          provide: NatsContactTicketCounts,
          useFactory: async () => {
            const client = new NamespacedNatsClient(options.namespace, {
              servers: options.natsUrl,
              name: 'agent-service-requests',
            });
            await client.connect();
            return new NatsContactTicketCounts(client, options.requestTimeoutMs ?? 10_000);
          },
        },
        {
          provide: AGENT_METHODS,
          inject: [
            PeopleCommands,
            PostgresPeopleDocuments,
            ContactDirectory,
            NatsContactTicketCounts,
            AGENT_DOCTYPES,
          ],
          useFactory: (
            commands: PeopleCommands,
            documents: PostgresPeopleDocuments,
            contacts: ContactDirectory,
            ticketCounts: NatsContactTicketCounts,
            resources: ReadonlyMap<PeopleDocType, PeopleResource>,
          ) => {
            const invitations = new Invitations(
              commands,
              documents,
              new PostgresMailbox(),
              contacts,
            );
            const directory = new DirectoryMethods(
              commands,
              documents,
              documents,
              contacts,
              invitations,
              ticketCounts,
            );
            return new Map([
              ...new PeopleMethods(commands, documents).registry(),
              ...directory.registry(),
              ...peopleListViews(resources, PEOPLE_META).registry(),
              ['run_doc_method', (params, context) => directory.runDocMethod(params, context)],
            ]) satisfies MethodRegistry;
          },
        },
        {
          provide: UserCredentials,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new UserCredentials(ds),
        },
        AdministratorBootstrap,
        PeopleEventRelay,
      ],
      exports: [DataSource, AGENT_NATS],
    };
  }
}
