import { handleCommand, type PostgresEventStore } from '@helpdesk/shared-event-store';
import {
  autoCloseSettingsOf,
  closeInactiveTicket,
  evolve,
  initialTicketState,
  ticketStreamId,
  type TicketEvent,
  type TicketState,
} from '@helpdesk/ticket-domain';
import type { DataSource } from 'typeorm';
import type { CatalogueReadModel } from '../catalogue/catalogue-read-model.port.js';
import { TicketLookupsCache } from '../catalogue/ticket-lookups.js';
import type { RequestContext } from '../request-context.js';
import { toFrappeError } from '../ticket-errors.js';
import type { TicketReadModel } from '../ticket-read-model.port.js';

export interface CloseInactiveTicketDependencies {
  dataSource: DataSource;
  store: PostgresEventStore;
  readModel: TicketReadModel;
  catalogues: CatalogueReadModel;
}

/** Who auto-close acts as: Frappe's scheduler runs its jobs as Administrator. */
export function autoCloseContext(correlationId: string): RequestContext {
  return { user: 'Administrator', roles: ['Administrator'], correlationId };
}

/**
 * HD Settings' auto-close of one ticket: the ticket is loaded, decided at `now` with the
 * settings and statuses of the moment, appended at the version read and projected, like any
 * save (so its events, activity and SLA follow as usual).
 */
export class CloseInactiveTicketHandler {
  private readonly lookups: TicketLookupsCache;

  constructor(private readonly deps: CloseInactiveTicketDependencies) {
    this.lookups = new TicketLookupsCache(deps.catalogues);
  }

  /** Whether it closed the ticket (not when it is gone, has moved on or is not due yet). */
  async execute(name: number, now: Date, context: RequestContext): Promise<boolean> {
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
        async (state, sql) => {
          const lookups = await this.lookups.load(sql);
          return closeInactiveTicket(
            {
              type: 'CloseInactiveTicket',
              data: { name },
              context: {
                actor: context.user,
                now,
                settings: autoCloseSettingsOf(lookups.settings),
                lookups,
              },
            },
            state,
          );
        },
        { actor: context.user, correlationId: context.correlationId },
      );
      return result.events.length > 0;
    } catch (error) {
      throw toFrappeError(error, name);
    }
  }
}
