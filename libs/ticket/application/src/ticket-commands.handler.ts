import {
  handleCommand,
  type PostgresEventStore,
  type RecordedEvent,
  type Sql,
} from '@helpdesk/shared-event-store';
import { formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import {
  decide,
  emailAddress,
  evolve,
  initialTicketState,
  ticketStreamId,
  type ApplyAssignmentRule,
  type ApplySla,
  type ApplyResponseMetrics,
  type ContactContext,
  type ReplyAsAgent,
  type ReplyAsCustomer,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
} from '@helpdesk/ticket-domain';
import type { DataSource } from 'typeorm';
import type { CatalogueReadModel } from './catalogue/catalogue-read-model.port.js';
import { TicketLookupsCache, type TicketLookups } from './catalogue/ticket-lookups.js';
import type { ContactLinks } from './people/contact-links.port.js';
import { isAgent, isManager, type RequestContext } from './request-context.js';
import { toFrappeError } from './ticket-errors.js';
import type { TicketReadModel } from './ticket-read-model.port.js';

export interface TicketCommandDependencies {
  dataSource: DataSource;
  store: PostgresEventStore;
  readModel: TicketReadModel;
  catalogues: CatalogueReadModel;
  /** Contact and customer lookups (`set_contact`, `set_customer`); without them those rules rest. */
  contacts?: ContactLinks;
  /** The site's zone (HELPDESK_TIME_ZONE): clients send `modified` in it. UTC when unset. */
  timeZone?: string;
  clock?: () => Date;
}

/** Who runs a command and when, as `decide` takes it. */
type ActorOf = { actor: string; actorIsAgent: boolean; now: Date };

/** The command to decide, built from the lookups and the folded stream inside the transaction. */
type CommandFor = (
  lookups: TicketLookups,
  actor: ActorOf,
  state: TicketState,
  sql: Sql,
) => TicketCommand | Promise<TicketCommand>;

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * Every change to an existing ticket: load its stream, fold, decide with the catalogue lookups and
 * HD Settings of the moment, append at the expected version and project — one transaction, retried
 * a bounded number of times when another writer got there first (then 409).
 */
export class TicketCommands {
  private readonly clock: () => Date;
  private readonly lookups: TicketLookupsCache;

  constructor(private readonly deps: TicketCommandDependencies) {
    this.clock = deps.clock ?? (() => new Date());
    this.lookups = new TicketLookupsCache(deps.catalogues);
  }

  update(name: number, changes: Record<string, unknown>, context: RequestContext): Promise<void> {
    return this.change(name, context, async (lookups, actor, state, sql) => ({
      type: 'UpdateTicket',
      data: { name, changes },
      context: {
        ...(await this.contactLinksFor(sql, state, changes, lookups, context)),
        ...actor,
        lookups,
        showDatetime: (instant) =>
          formatFrappeDatetime(new Date(instant), this.deps.timeZone ?? 'UTC'),
        settings: {
          defaultTicketType: (lookups.settings.default_ticket_type as string | null) ?? null,
          defaultPriority: (lookups.settings.default_priority as string | null) ?? null,
          isFeedbackMandatory: lookups.settings.is_feedback_mandatory === 1,
        },
      },
    }));
  }

  delete(name: number, context: RequestContext): Promise<void> {
    return this.change(name, context, (_lookups, actor) => ({
      type: 'DeleteTicket',
      data: { name },
      context: actor,
    }));
  }

  assign(name: number, agent: string, context: RequestContext): Promise<void> {
    return this.change(name, context, (_lookups, actor) => ({
      type: 'AssignAgent',
      data: { name, agent },
      context: actor,
    }));
  }

  unassign(name: number, agents: readonly string[], context: RequestContext): Promise<void> {
    return this.change(name, context, (_lookups, actor) => ({
      type: 'UnassignAgents',
      data: { name, agents },
      context: actor,
    }));
  }

  /**
   * An Assignment Rule's decision, on behalf of the user whose save triggered it; whether it
   * changed the ticket (it does not when the assignees moved on since, or it already applied).
   */
  async applyAssignmentRule(
    decision: Omit<ApplyAssignmentRule['data'], 'name'>,
    name: number,
    context: RequestContext,
  ): Promise<boolean> {
    const events = await this.run(name, context, (_lookups, actor) => ({
      type: 'ApplyAssignmentRule',
      data: { name, ...decision },
      context: { actor: actor.actor, now: actor.now },
    }));
    return events.length > 0;
  }

  /**
   * sla-service's reckoning of the ticket's SLA fields; whether it changed the ticket (it does not
   * when nothing differs, when it was computed from an older version than the last applied one,
   * or when the ticket is gone).
   */
  async applySla(
    reckoning: Omit<ApplySla['data'], 'name'>,
    name: number,
    context: RequestContext,
  ): Promise<boolean> {
    const events = await this.run(name, context, (_lookups, actor) => ({
      type: 'ApplySla',
      data: { name, ...reckoning },
      context: { actor: actor.actor, now: actor.now },
    }));
    return events.length > 0;
  }

  /**
   * The metrics workers' conversation metrics; whether they changed the ticket (not when nothing
   * differs, when an older revision than the last applied, or when the ticket is gone).
   */
  async applyResponseMetrics(
    metrics: Omit<ApplyResponseMetrics['data'], 'name'>,
    name: number,
    context: RequestContext,
  ): Promise<boolean> {
    const events = await this.run(name, context, (_lookups, actor) => ({
      type: 'ApplyResponseMetrics',
      data: { name, ...metrics },
      context: { actor: actor.actor, now: actor.now },
    }));
    return events.length > 0;
  }

  /**
   * Adds, changes or removes the caller's reaction to a note; what it did, or undefined when
   * reactions are turned off (HD Settings `enable_comment_reactions`).
   */
  async toggleReaction(
    name: number,
    commentId: string,
    emoji: string,
    context: RequestContext,
  ): Promise<'added' | 'changed' | 'removed' | undefined> {
    const [event] = await this.run(name, context, (lookups, actor) => ({
      type: 'ToggleReaction',
      data: { name, commentId, emoji },
      context: { ...actor, reactionsEnabled: lookups.settings.enable_comment_reactions === 1 },
    }));
    if (event === undefined) return undefined;
    if (event.type === 'CommentReactionRemoved') return 'removed';
    return event.data.replaced === null ? 'added' : 'changed';
  }

  /** Records the caller's first view of the ticket; later views change nothing. */
  markSeen(name: number, context: RequestContext): Promise<void> {
    return this.change(name, context, (_lookups, actor) => ({
      type: 'MarkSeen',
      data: { name },
      context: actor,
    }));
  }

  replyAsAgent(
    name: number,
    reply: Omit<ReplyAsAgent['data'], 'name'>,
    context: RequestContext,
  ): Promise<void> {
    return this.change(name, context, (lookups, actor) => ({
      type: 'ReplyAsAgent',
      data: { name, ...reply },
      context: {
        ...actor,
        lookups,
        settings: {
          autoUpdateStatus: lookups.settings.auto_update_status === 1,
          updateStatusTo: (lookups.settings.update_status_to as string | null) ?? null,
        },
      },
    }));
  }

  replyAsCustomer(
    name: number,
    reply: Omit<ReplyAsCustomer['data'], 'name'>,
    context: RequestContext,
  ): Promise<void> {
    return this.change(name, context, (lookups, actor) => ({
      type: 'ReplyAsCustomer',
      data: { name, ...reply },
      context: {
        ...actor,
        lookups,
        settings: {
          defaultTicketStatus: String(lookups.settings.default_ticket_status ?? 'Open'),
          ticketReopenStatus: String(lookups.settings.ticket_reopen_status ?? 'Open'),
        },
      },
    }));
  }

  addComment(
    name: number,
    commentId: string,
    content: string,
    context: RequestContext,
    attachments: readonly string[] = [],
  ): Promise<void> {
    return this.change(name, context, (_lookups, actor) => ({
      type: 'AddComment',
      data: { name, commentId, content, attachments },
      context: actor,
    }));
  }

  editComment(
    name: number,
    commentId: string,
    content: string,
    context: RequestContext,
  ): Promise<void> {
    return this.change(name, context, (_lookups, actor) => ({
      type: 'EditComment',
      data: { name, commentId, content },
      context: actor,
    }));
  }

  pinComment(
    name: number,
    commentId: string,
    pinned: boolean,
    context: RequestContext,
  ): Promise<void> {
    return this.change(name, context, (_lookups, actor) => ({
      type: 'PinComment',
      data: { name, commentId, pinned },
      context: actor,
    }));
  }

  deleteComment(name: number, commentId: string, context: RequestContext): Promise<void> {
    return this.change(name, context, (_lookups, actor) => ({
      type: 'DeleteComment',
      data: { name, commentId },
      context: { ...actor, actorIsManager: isManager(context) },
    }));
  }

  /** The contact lookups of a save: the raiser's address after the change, both contacts. */
  private async contactLinksFor(
    sql: Sql,
    state: TicketState,
    changes: Record<string, unknown>,
    lookups: TicketLookups,
    context: RequestContext,
  ): Promise<ContactContext> {
    const { contacts } = this.deps;
    if (!contacts || state.kind !== 'existing') return {};
    const raisedBy = nonEmpty(changes.raised_by) ?? state.raisedBy;
    return contacts.load(sql, {
      actor: context.user,
      raiserEmail: emailAddress(raisedBy),
      contacts: [nonEmpty(changes.contact), state.contact],
      autoSetCustomerFromContact: lookups.settings.auto_set_customer_from_contact !== 0,
    });
  }

  /** Runs a command for its effect alone. */
  private async change(name: number, context: RequestContext, command: CommandFor): Promise<void> {
    await this.run(name, context, command);
  }

  private async run(
    name: number,
    context: RequestContext,
    command: CommandFor,
  ): Promise<RecordedEvent[]> {
    const { dataSource, store, readModel } = this.deps;
    try {
      const result = await handleCommand<TicketState, TicketEvent>(
        dataSource,
        {
          store,
          initialState: initialTicketState,
          evolve,
          project: (sql, events) => readModel.project(sql, events),
        },
        ticketStreamId(name),
        async (state, sql: Sql) => {
          const lookups = await this.lookups.load(sql);
          const actor = { actor: context.user, actorIsAgent: isAgent(context), now: this.clock() };
          return decide(await command(lookups, actor, state, sql), state);
        },
        { actor: context.user, correlationId: context.correlationId },
      );
      return result.events;
    } catch (error) {
      throw toFrappeError(error, name);
    }
  }
}
