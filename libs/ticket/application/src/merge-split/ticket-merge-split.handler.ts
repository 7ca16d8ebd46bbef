import { randomUUID } from 'node:crypto';
import {
  decideOnStreams,
  inRetriedTransaction,
  type AggregateSpec,
  type PostgresEventStore,
  type Sql,
} from '@helpdesk/shared-event-store';
import { FrappeError, formatFrappeDate, formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import {
  evolve,
  initialTicketState,
  mergeTickets,
  splitTicket,
  ticketStreamId,
  type TicketEvent,
  type TicketState,
} from '@helpdesk/ticket-domain';
import type { DataSource } from 'typeorm';
import type { CatalogueReadModel } from '../catalogue/catalogue-read-model.port.js';
import { TicketLookupsCache } from '../catalogue/ticket-lookups.js';
import type { ConversationIds } from '../conversation/conversation-documents.port.js';
import { newTicketDefaults } from '../open-ticket.handler.js';
import { isAgent, type RequestContext } from '../request-context.js';
import { toFrappeError } from '../ticket-errors.js';
import type { TicketReadModel } from '../ticket-read-model.port.js';
import type { TicketConversationSource } from './conversation-source.port.js';

export interface MergeSplitDependencies {
  dataSource: DataSource;
  store: PostgresEventStore;
  readModel: TicketReadModel;
  catalogues: CatalogueReadModel;
  conversations: TicketConversationSource;
  newId: ConversationIds;
  timeZone: string;
  clock?: () => Date;
}

/**
 * Merging and splitting change two tickets. Both are decided together and appended in ONE
 * transaction, each at the version it was read at (ADR 0014): either both tickets change or
 * neither does, and a concurrent change to either re-runs the whole command.
 */
export class TicketMergeSplit {
  private readonly clock: () => Date;
  private readonly lookups: TicketLookupsCache;
  private readonly spec: AggregateSpec<TicketState, TicketEvent>;

  constructor(private readonly deps: MergeSplitDependencies) {
    this.clock = deps.clock ?? (() => new Date());
    this.lookups = new TicketLookupsCache(deps.catalogues);
    this.spec = {
      store: deps.store,
      initialState: initialTicketState,
      evolve,
      project: (sql, events) => deps.readModel.project(sql, events),
    };
  }

  /** `source` and `target` are ticket names; anything else names a ticket that does not exist. */
  async merge(source: number, target: number, context: RequestContext): Promise<void> {
    await this.inTransaction(context, async (sql) => {
      const lookups = await this.lookups.load(sql);
      const copies = await this.deps.conversations.conversation(sql, source);
      const [sourceId, targetId] = [ticketStreamId(source), ticketStreamId(target)];
      await decideOnStreams(
        sql,
        this.spec,
        [sourceId, targetId],
        async (states) => {
          const decided = mergeTickets(
            {
              type: 'MergeTickets',
              data: {
                source,
                target,
                communications: copies.communications.map((c) => ({
                  ...c,
                  communicationId: this.deps.newId(),
                })),
                comments: copies.comments.map((c) => ({ ...c, commentId: this.deps.newId() })),
                noticeId: this.deps.newId(),
                noteId: this.deps.newId(),
              },
              context: { ...this.actor(context), lookups },
            },
            states.get(sourceId) ?? initialTicketState,
            states.get(targetId) ?? initialTicketState,
          );
          await this.assertWritable(sql, [source, target], context);
          return new Map([
            [sourceId, decided.source],
            [targetId, decided.target],
          ]);
        },
        this.metadata(context),
      );
    });
  }

  /** Splits the ticket that holds `communicationId`; answers the new ticket's name. */
  async split(
    ticket: number,
    subject: string,
    communicationId: string,
    context: RequestContext,
  ): Promise<number> {
    return this.inTransaction(context, async (sql) => {
      const lookups = await this.lookups.load(sql);
      const newName = await this.deps.readModel.nextName(sql);
      const [originalId, newId] = [ticketStreamId(ticket), ticketStreamId(newName)];
      const now = this.clock();
      await decideOnStreams(
        sql,
        this.spec,
        [originalId, newId],
        async (states) => {
          const decided = splitTicket(
            {
              type: 'SplitTicket',
              data: {
                name: ticket,
                newName,
                subject,
                communicationId,
                noticeId: this.deps.newId(),
              },
              context: {
                ...this.actor(context, now),
                key: randomUUID(),
                openingDate: formatFrappeDate(now, this.deps.timeZone),
                openingTime: formatFrappeDatetime(now, this.deps.timeZone).slice(11),
                defaults: newTicketDefaults(lookups),
                lookups,
                settings: {
                  autoUpdateStatus: lookups.settings.auto_update_status === 1,
                  updateStatusTo: (lookups.settings.update_status_to as string | null) ?? null,
                },
              },
            },
            states.get(originalId) ?? initialTicketState,
            states.get(newId) ?? initialTicketState,
          );
          await this.assertWritable(sql, [ticket], context);
          return new Map([
            [originalId, decided.original],
            [newId, decided.split],
          ]);
        },
        this.metadata(context),
      );
      return newName;
    });
  }

  /** `@agent_only`, then the work in a transaction re-run after a lost race. */
  private async inTransaction<T>(
    context: RequestContext,
    work: (sql: Sql) => Promise<T>,
  ): Promise<T> {
    if (!isAgent(context)) {
      throw FrappeError.permission('You are not permitted to access this resource.');
    }
    try {
      return await inRetriedTransaction(this.deps.dataSource, work);
    } catch (error) {
      throw toFrappeError(error);
    }
  }

  /** Frappe checks write permission on both tickets: the caller must be able to see them. */
  private async assertWritable(sql: Sql, tickets: number[], context: RequestContext) {
    for (const name of tickets) {
      if (!(await this.deps.readModel.findDocument(sql, name, context))) {
        throw FrappeError.permission('No permission for HD Ticket');
      }
    }
  }

  private actor(context: RequestContext, now = this.clock()) {
    return { actor: context.user, actorIsAgent: isAgent(context), now };
  }

  private metadata(context: RequestContext) {
    return { actor: context.user, correlationId: context.correlationId };
  }
}
