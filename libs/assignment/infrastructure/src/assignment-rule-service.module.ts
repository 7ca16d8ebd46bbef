import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import {
  ApplyTicketEvent,
  AssignmentRuleCommands,
  AssignmentRuleResource,
  assignmentRuleMethods,
  RulePass,
} from '@helpdesk/assignment-application';
import { ASSIGNMENT_SERVICE } from '@helpdesk/assignment-contracts';
import {
  createServiceDataSource,
  openMigrated,
  PostgresEventStore,
} from '@helpdesk/shared-event-store';
import {
  methodMessagesController,
  NamespacedNatsClient,
  resourceMessagesController,
  RpcClient,
  type DoctypeRegistry,
  type DoctypeResource,
  type MethodRegistry,
} from '@helpdesk/shared-messaging';
import { Counter, type Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import {
  ASSIGNMENT_NATS,
  ASSIGNMENT_RUNTIME,
  AssignmentIntakes,
  INTAKE_OBSERVER,
  type IntakeObserver,
} from './assignment-intakes.js';
import { ASSIGNMENT_SCHEMA, assignmentMigrations } from './assignment.migrations.js';
import { DecisionDispatcher } from './decisions/decision-dispatcher.js';
import { PostgresRuleDecisions } from './decisions/postgres-rule-decisions.js';
import { TeamRuleLinks } from './decisions/team-rule-links.js';
import { assignmentRuleProjection } from './rules/assignment-rule-projection.js';
import { PostgresAssignmentRuleDocuments } from './rules/postgres-assignment-rule-documents.js';
import { PostgresRulePassStore } from './rules/postgres-rule-pass-store.js';
import { PostgresTicketCopies } from './tickets/postgres-ticket-copies.js';

export interface AssignmentServiceOptions {
  databaseUrl: string;
  databasePoolSize: number;
  natsUrl: string;
  namespace: string;
  timeZone: string;
  requestTimeoutMs: number;
  metrics: Registry;
}

export function createAssignmentDataSource(
  options: Pick<AssignmentServiceOptions, 'databaseUrl' | 'databasePoolSize'>,
): DataSource {
  return createServiceDataSource({
    url: options.databaseUrl,
    schema: ASSIGNMENT_SCHEMA,
    poolSize: options.databasePoolSize,
    migrations: assignmentMigrations,
    applicationName: 'assignment-rule-service',
  });
}

/** Request/reply to ticket-service and agent-service over the namespaced NATS subjects. */
class ServiceRequests extends RpcClient implements OnApplicationShutdown {
  constructor(
    private readonly client: NamespacedNatsClient,
    timeoutMs: number,
  ) {
    super(client, timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

function intakeObserver(registry: Registry): IntakeObserver {
  const consumed = new Counter({
    name: 'helpdesk_assignment_events_consumed_total',
    help: 'Published events consumed by assignment-rule-service, by consumer and outcome',
    labelNames: ['consumer', 'outcome'],
    registers: [registry],
  });
  return (durable, outcome) => consumed.inc({ consumer: durable, outcome });
}

function dispatchCounter(registry: Registry) {
  const sent = new Counter({
    name: 'helpdesk_assignment_decisions_sent_total',
    help: 'Assignment decisions sent to ticket-service: applied, or void (assignees had moved on)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  return (outcome: string) => sent.inc({ outcome });
}

const ASSIGNMENT_DOCTYPES = Symbol('ASSIGNMENT_DOCTYPES');
const ASSIGNMENT_METHODS = Symbol('ASSIGNMENT_METHODS');

@Module({})
export class AssignmentRuleServiceModule {
  static forRoot(options: AssignmentServiceOptions): DynamicModule {
    return {
      module: AssignmentRuleServiceModule,
      controllers: [
        resourceMessagesController(ASSIGNMENT_SERVICE, ASSIGNMENT_DOCTYPES),
        methodMessagesController(ASSIGNMENT_SERVICE, ASSIGNMENT_METHODS),
      ],
      providers: [
        {
          provide: ASSIGNMENT_RUNTIME,
          useValue: { namespace: options.namespace, databaseUrl: options.databaseUrl },
        },
        { provide: INTAKE_OBSERVER, useValue: intakeObserver(options.metrics) },
        {
          provide: DataSource,
          useFactory: () => openMigrated(createAssignmentDataSource(options), ASSIGNMENT_SCHEMA),
        },
        {
          provide: ASSIGNMENT_NATS,
          useFactory: () =>
            connect({ servers: options.natsUrl, name: 'assignment-rule-service-events' }),
        },
        {
          provide: ServiceRequests,
          useFactory: async () => {
            const client = new NamespacedNatsClient(options.namespace, {
              servers: options.natsUrl,
              name: 'assignment-rule-service-requests',
            });
            await client.connect();
            return new ServiceRequests(client, options.requestTimeoutMs);
          },
        },
        { provide: PostgresEventStore, useValue: new PostgresEventStore(ASSIGNMENT_SCHEMA) },
        {
          provide: PostgresAssignmentRuleDocuments,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new PostgresAssignmentRuleDocuments(dataSource, options.timeZone),
        },
        {
          provide: AssignmentRuleCommands,
          inject: [DataSource, PostgresEventStore, PostgresAssignmentRuleDocuments],
          useFactory: (
            dataSource: DataSource,
            store: PostgresEventStore,
            documents: PostgresAssignmentRuleDocuments,
          ) =>
            new AssignmentRuleCommands({
              dataSource,
              store,
              project: assignmentRuleProjection,
              otherTicketRules: (sql, name) => documents.otherTicketRules(sql, name),
            }),
        },
        {
          provide: ASSIGNMENT_DOCTYPES,
          inject: [PostgresAssignmentRuleDocuments, AssignmentRuleCommands],
          useFactory: (
            documents: PostgresAssignmentRuleDocuments,
            commands: AssignmentRuleCommands,
          ) =>
            new Map<string, DoctypeResource>([
              ['Assignment Rule', new AssignmentRuleResource(documents, commands)],
            ]) satisfies DoctypeRegistry,
        },
        {
          provide: ASSIGNMENT_METHODS,
          inject: [PostgresAssignmentRuleDocuments],
          useFactory: (documents: PostgresAssignmentRuleDocuments) =>
            assignmentRuleMethods(documents) satisfies MethodRegistry,
        },
        {
          provide: ApplyTicketEvent,
          useFactory: () =>
            new ApplyTicketEvent(
              new PostgresTicketCopies(),
              new PostgresRuleDecisions(),
              new RulePass({ store: new PostgresRulePassStore(), timeZone: options.timeZone }),
            ),
        },
        {
          provide: DecisionDispatcher,
          inject: [DataSource, ServiceRequests],
          useFactory: (dataSource: DataSource, requests: ServiceRequests) =>
            new DecisionDispatcher(dataSource, requests, dispatchCounter(options.metrics)),
        },
        {
          provide: TeamRuleLinks,
          inject: [DataSource, ServiceRequests],
          useFactory: (dataSource: DataSource, requests: ServiceRequests) =>
            new TeamRuleLinks(dataSource, requests),
        },
        AssignmentIntakes,
      ],
      exports: [DataSource, ASSIGNMENT_NATS],
    };
  }
}
