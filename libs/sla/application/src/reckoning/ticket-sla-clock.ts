import type { Sql } from '@helpdesk/shared-event-store';
import { evolveSlaTicket, initialSlaTicketState } from '@helpdesk/sla-domain';
import { foldTicketDocumentV1, isNextTicketEvent } from '@helpdesk/ticket-contracts';
import type { SlaPolicies } from '../policies/sla-policies.port.js';
import { reckon, type Reckoning } from './reckon.js';
import { isSave, slaFactOf, type ClockTicketEvent } from './sla-facts.js';
import type { ReckoningCause, TicketClock, TicketClocks } from './ticket-clocks.port.js';

export interface TicketSlaClockOptions {
  clocks: TicketClocks;
  policies: SlaPolicies;
  siteTimeZone: string;
  clock?: () => Date;
}

/**
 * Every ticket's SLA clock. Ticket events are applied once and in order on the consumer's
 * transaction: the copy and the SLA facts move on and, after a save, the ticket is reckoned and
 * what changed is owed to ticket-service (sent after commit). Timers and SLA edits reckon a
 * ticket again without an event.
 */
export class TicketSlaClock {
  private readonly now: () => Date;

  constructor(private readonly options: TicketSlaClockOptions) {
    this.now = options.clock ?? (() => new Date());
  }

  async apply(sql: Sql, event: ClockTicketEvent): Promise<void> {
    const { clocks } = this.options;
    const before = await clocks.lock(sql, event.ticket);
    if (!isNextTicketEvent(event.ticket, event.ticketVersion, before?.version ?? 0)) return;
    const step = foldTicketDocumentV1(before?.fields, event);
    if (!step.fields) return clocks.remove(sql, event.ticket, event.ticketVersion);
    const fact = slaFactOf(event, before?.fields, step.fields);
    const facts = fact
      ? evolveSlaTicket(before?.facts ?? initialSlaTicketState, fact)
      : (before?.facts ?? null);
    const clock: TicketClock = {
      ticket: event.ticket,
      version: event.ticketVersion,
      openedAt: before?.openedAt ?? event.occurredAt,
      fields: step.fields,
      facts,
    };
    if (!isSave(event.type)) return clocks.save(sql, clock);
    await this.reckonAndOwe(sql, clock, {
      actor: event.actor ?? 'Administrator',
      correlationId: event.correlationId,
    });
  }

  /**
   * Reckons a ticket again as it stands (a deadline passed, its SLA or holiday list changed);
   * whether ticket-service is owed something new.
   */
  async reckonAgain(sql: Sql, ticket: number, cause: ReckoningCause): Promise<boolean> {
    const clock = await this.options.clocks.lock(sql, ticket);
    if (!clock) return false;
    return this.reckonAndOwe(sql, clock, cause);
  }

  private async reckonAndOwe(
    sql: Sql,
    clock: TicketClock,
    cause: ReckoningCause,
  ): Promise<boolean> {
    const { clocks, policies, siteTimeZone } = this.options;
    const reckoning: Reckoning | null = clock.facts
      ? reckon(
          await policies.load(sql),
          { fields: clock.fields, facts: clock.facts, openedAt: new Date(clock.openedAt) },
          this.now(),
          siteTimeZone,
        )
      : null;
    await clocks.save(sql, clock, reckoning);
    if (!reckoning) return false;
    return clocks.owe(sql, clock.ticket, clock.version, reckoning, cause);
  }
}
