import {
  decideServiceLevelAgreement,
  evolveServiceLevelAgreement,
  initialServiceLevelAgreementState,
  SLA_DOCTYPE,
  type ServiceLevelAgreementCommand,
  type ServiceLevelAgreementContext,
  type ServiceLevelAgreementEvent,
  type ServiceLevelAgreementState,
} from '@helpdesk/sla-domain';
import {
  decideOnStream,
  type AggregateSpec,
  type EventMetadata,
  type Sql,
} from '@helpdesk/shared-event-store';
import type { TicketFacts } from './sla-document-ports.js';
import { agreementStreamId } from './sla-document-streams.js';
import {
  SlaDocumentCommandRunner,
  type SlaActor,
  type SlaDocumentCommandsOptions,
} from './sla-document-command-runner.js';

/** What a client asks of an SLA; demotion only ever follows another SLA becoming the default. */
export type AgreementCommandInput = Exclude<
  ServiceLevelAgreementCommand,
  { type: 'DemoteServiceLevelAgreement' }
>;

const NO_TICKET_FACTS: TicketFacts = { ticketPriorities: [], openTicketStatuses: [] };

/**
 * Every change to an HD Service Level Agreement: under the SLA documents' lock, load its
 * stream, decide with the facts the rules ask for (the other default, whether the holiday list
 * exists, ticket priorities and Open statuses), append at the version read and project; when it
 * becomes the default, the previous default is demoted on its own stream in the same transaction.
 */
export class ServiceLevelAgreementCommands {
  private readonly spec: AggregateSpec<ServiceLevelAgreementState, ServiceLevelAgreementEvent>;
  private readonly runner: SlaDocumentCommandRunner;

  constructor(private readonly options: SlaDocumentCommandsOptions) {
    this.spec = {
      store: options.store,
      project: options.project,
      initialState: initialServiceLevelAgreementState,
      evolve: evolveServiceLevelAgreement,
    };
    this.runner = new SlaDocumentCommandRunner(options, SLA_DOCTYPE, agreementStreamId);
  }

  /**
   * Runs one command in its own transaction; refusals become Frappe errors. The ticket facts
   * are asked of ticket-service first unless given (the seeded SLA names the seeded priorities).
   */
  async run(
    command: AgreementCommandInput,
    actor: SlaActor,
    ticketFacts?: TicketFacts,
  ): Promise<ServiceLevelAgreementState> {
    const facts =
      command.type === 'DeleteServiceLevelAgreement'
        ? NO_TICKET_FACTS
        : (ticketFacts ?? (await this.options.catalogue.facts()));
    return this.runner.run(nameOf(command), (sql) => this.on(sql, command, actor, facts));
  }

  /** Whether the SLA was ever recorded, even if deleted since. */
  hasHistory(name: string): Promise<boolean> {
    return this.runner.hasHistory(name);
  }

  private async on(
    sql: Sql,
    command: AgreementCommandInput,
    actor: SlaActor,
    ticketFacts: TicketFacts,
  ): Promise<ServiceLevelAgreementState> {
    const { facts, siteTimeZone } = this.options;
    await facts.lock(sql);
    const name = nameOf(command);
    const base = { actor: actor.user, now: this.runner.now(), siteTimeZone, ...ticketFacts };
    const metadata = this.runner.metadata(actor);
    let demote: string | null = null;
    const result = await decideOnStream(
      sql,
      this.spec,
      agreementStreamId(name),
      async (state) => {
        const context: ServiceLevelAgreementContext = {
          ...base,
          otherDefaultSla: await facts.otherDefaultSla(sql, name),
          holidayListExists: await facts.holidayListExists(sql, holidayListAfter(state, command)),
        };
        const decision = decideServiceLevelAgreement(state, command, context);
        demote = decision.demote;
        return decision.events;
      },
      metadata,
    );
    if (demote !== null) await this.demote(sql, demote, name, base, metadata);
    return result.state;
  }

  /** The previous default gives up the mark on its own stream, in the caller's transaction. */
  private async demote(
    sql: Sql,
    previous: string,
    inFavourOf: string,
    base: Omit<ServiceLevelAgreementContext, 'otherDefaultSla' | 'holidayListExists'>,
    metadata: EventMetadata,
  ): Promise<void> {
    const context = { ...base, otherDefaultSla: inFavourOf, holidayListExists: true };
    const command = {
      type: 'DemoteServiceLevelAgreement',
      data: { name: previous, in_favour_of: inFavourOf },
    } as const;
    await decideOnStream(
      sql,
      this.spec,
      agreementStreamId(previous),
      (state) => decideServiceLevelAgreement(state, command, context).events,
      metadata,
    );
  }
}

function nameOf(command: AgreementCommandInput): string {
  return command.type === 'CreateServiceLevelAgreement'
    ? (command.data.values.service_level ?? '').trim()
    : command.data.name;
}

/** The holiday list the SLA would name after the command; '' when it names none. */
function holidayListAfter(
  state: ServiceLevelAgreementState,
  command: AgreementCommandInput,
): string {
  const current = state.kind === 'present' ? state.agreement.holiday_list : '';
  switch (command.type) {
    case 'CreateServiceLevelAgreement':
      return (command.data.values.holiday_list ?? '').trim();
    case 'UpdateServiceLevelAgreement':
      return command.data.changes.holiday_list === undefined
        ? current
        : (command.data.changes.holiday_list ?? '').trim();
    case 'DeleteServiceLevelAgreement':
      return current;
  }
}
