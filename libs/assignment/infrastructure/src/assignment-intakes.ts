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
import {
  ApplyTicketEvent,
  AssignmentRuleCommands,
  assignmentRuleStreamId,
  type PublishedTicketEvent,
} from '@helpdesk/assignment-application';
import {
  ASSIGNMENT_EVENTS_STREAM,
  ASSIGNMENT_EVENTS_SUBJECT_PREFIX,
} from '@helpdesk/assignment-contracts';
import { baseSupportRotationRule } from '@helpdesk/assignment-domain';
import { PostgresEventStore, withConnection } from '@helpdesk/shared-event-store';
import {
  startEventIntake,
  startEventRelay,
  type CommittedEventPublisher,
  type ProcessOutcome,
} from '@helpdesk/shared-messaging';
import {
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import { DataSource } from 'typeorm';
import { ASSIGNMENT_SCHEMA } from './assignment.migrations.js';
import { DecisionDispatcher } from './decisions/decision-dispatcher.js';
import { TeamRuleLinks } from './decisions/team-rule-links.js';
import { ApplyPeopleEvent } from './people/apply-people-event.js';
import { assignmentServiceMessage } from './rules/assignment-rule-integration-events.js';

export const TICKET_INTAKE_DURABLE = 'assignment-rule-service-tickets';
export const PEOPLE_INTAKE_DURABLE = 'assignment-rule-service-people';
/**
 * Ticket events in flight per replica: one ticket's decisions overlap with the next ticket's
 * rule pass (the rule's pointer still takes turns). Events of one ticket that overtake each other
 * are refused by the copy's version check and redelivered in order.
 */
const TICKET_INTAKE_CONCURRENCY = 4;

export interface AssignmentRuntimeOptions {
  namespace: string;
  databaseUrl: string;
}

export const ASSIGNMENT_RUNTIME = Symbol('ASSIGNMENT_RUNTIME');
export const ASSIGNMENT_NATS = Symbol('ASSIGNMENT_NATS');
/** Told of every consumed message, for metrics. */
export const INTAKE_OBSERVER = Symbol('INTAKE_OBSERVER');
export type IntakeObserver = (
  durable: string,
  outcome: ProcessOutcome,
  eventId: string | undefined,
) => void;

/**
 * Runs the service: its rule events relayed to JetStream, the people intake (copies and team
 * rules), the ticket intake (rule pass and decisions, sent to ticket-service after commit), and
 * the base "Support Rotation" rule installed once.
 */
@Injectable()
export class AssignmentIntakes implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AssignmentIntakes');
  private publisher: CommittedEventPublisher | undefined;
  private consumers: { stop(): Promise<void> }[] = [];

  constructor(
    @Inject(ASSIGNMENT_RUNTIME) private readonly options: AssignmentRuntimeOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ASSIGNMENT_NATS) private readonly nats: NatsConnection,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(AssignmentRuleCommands) private readonly rules: AssignmentRuleCommands,
    @Inject(ApplyTicketEvent) private readonly tickets: ApplyTicketEvent,
    @Inject(DecisionDispatcher) private readonly dispatcher: DecisionDispatcher,
    @Inject(TeamRuleLinks) private readonly links: TeamRuleLinks,
    @Inject(INTAKE_OBSERVER) private readonly observe: IntakeObserver,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { namespace, databaseUrl } = this.options;
    await this.installBaseRule();
    this.publisher = await startEventRelay({
      name: 'AssignmentRuleEventRelay',
      nats: this.nats,
      namespace,
      streams: [
        { stream: ASSIGNMENT_EVENTS_STREAM, subjectPrefix: ASSIGNMENT_EVENTS_SUBJECT_PREFIX },
      ],
      dataSource: this.dataSource,
      databaseUrl,
      store: this.store,
      schema: ASSIGNMENT_SCHEMA,
      toMessage: assignmentServiceMessage(namespace),
    });
    const base = {
      namespace,
      nats: this.nats,
      dataSource: this.dataSource,
      schema: ASSIGNMENT_SCHEMA,
    };
    const people = new ApplyPeopleEvent(this.rules);
    this.consumers.push(
      await startEventIntake<PeopleEventV1>({
        ...base,
        stream: PEOPLE_EVENTS_STREAM,
        subjectPrefix: PEOPLE_EVENTS_SUBJECT_PREFIX,
        durable: PEOPLE_INTAKE_DURABLE,
        handle: people.run,
        afterCommit: () => this.links.sendPending(),
        onProcessed: (outcome, id) => this.observe(PEOPLE_INTAKE_DURABLE, outcome, id),
      }),
    );
    this.consumers.push(
      await startEventIntake<TicketEventV1>({
        ...base,
        stream: TICKET_EVENTS_STREAM,
        subjectPrefix: TICKET_EVENTS_SUBJECT_PREFIX,
        durable: TICKET_INTAKE_DURABLE,
        concurrency: TICKET_INTAKE_CONCURRENCY,
        handle: (sql, event) => this.tickets.run(sql, event as PublishedTicketEvent),
        afterCommit: (event) => this.dispatcher.dispatchPending(event.ticket),
        onProcessed: (outcome, id) => this.observe(TICKET_INTAKE_DURABLE, outcome, id),
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.publisher?.stop();
    await this.nats.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /**
   * HD Settings `base_support_rotation`: installed once, disabled, as Helpdesk's install does; a
   * rule that was installed and later deleted stays deleted.
   */
  private async installBaseRule(): Promise<void> {
    const rule = baseSupportRotationRule();
    const history = await withConnection(this.dataSource, (sql) =>
      this.store.readStream(sql, assignmentRuleStreamId(rule.name)),
    );
    if (history.length > 0) return;
    try {
      await this.rules.run(
        { type: 'CreateAssignmentRule', data: rule },
        { user: 'Administrator', system: true },
      );
    } catch (error) {
      const excType = (error as { excType?: string }).excType;
      if (excType !== 'DuplicateEntryError' && excType !== 'TimestampMismatchError') throw error;
      this.logger.debug?.(`${rule.name} already installed`);
    }
  }
}
