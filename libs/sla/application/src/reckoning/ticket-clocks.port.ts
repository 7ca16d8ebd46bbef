import type { Sql } from '@helpdesk/shared-event-store';
import type { SlaTicketState } from '@helpdesk/sla-domain';
import type { TicketDocumentV1 } from '@helpdesk/ticket-contracts';
import type { Reckoning } from './reckon.js';

/** What sla-service keeps of one ticket, built from its published events in order. */
export interface TicketClock {
  ticket: number;
  /** The last `ticketVersion` applied. */
  version: number;
  /** When the ticket was opened (`raised_outside_working_hours` looks at it). */
  openedAt: string;
  fields: TicketDocumentV1;
  /** The SLA facts folded so far; null before the opening is known. */
  facts: SlaTicketState | null;
}

/** Who caused a reckoning, so ticket-service records it on their behalf. */
export interface ReckoningCause {
  actor: string;
  correlationId: string | null;
}

/** `sla.ticket_clock` and the reckonings owed to ticket-service, in the caller's transaction. */
export interface TicketClocks {
  /** The clock, locked until the transaction ends; undefined for a ticket not seen yet. */
  lock(sql: Sql, ticket: number): Promise<TicketClock | undefined>;
  /** Stores the clock; with a reckoning also the SLA chosen and when it would fail. */
  save(sql: Sql, clock: TicketClock, reckoning?: Reckoning | null): Promise<void>;
  /** A deleted ticket keeps a tombstone version so its late events are still recognised. */
  remove(sql: Sql, ticket: number, version: number): Promise<void>;
  /**
   * Records what ticket-service is owed, computed from ticket version `basedOn`, unless it is
   * what was recorded last; whether anything new is owed.
   */
  owe(
    sql: Sql,
    ticket: number,
    basedOn: number,
    reckoning: Reckoning,
    cause: ReckoningCause,
  ): Promise<boolean>;
}
