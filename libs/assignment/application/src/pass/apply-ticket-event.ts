import type { Sql } from '@helpdesk/shared-event-store';
import { isNextTicketEvent } from '@helpdesk/ticket-contracts';
import type { RulePass } from './rule-pass.js';
import type { RuleDecisions, TicketCopies } from './ticket-copies.port.js';
import { applyTicketEvent, assignmentsAfter, type TicketEventInput } from './ticket-copy.js';

export interface PublishedTicketEvent extends TicketEventInput {
  id: string;
  actor: string | null;
  correlationId: string | null;
}

/**
 * One published ticket event, on the consumer's transaction: the copy moves on (each ticket's
 * events once and in order; a gap is refused so the broker redelivers it later), the rule pass
 * runs after a save, and its decision is recorded to be sent to ticket-service after commit. The
 * copy takes the decision's assignees at once, so the next event of the ticket sees them even
 * before ticket-service has confirmed.
 */
export class ApplyTicketEvent {
  constructor(
    private readonly copies: TicketCopies,
    private readonly decisions: RuleDecisions,
    private readonly pass: RulePass,
  ) {}

  async run(sql: Sql, event: PublishedTicketEvent): Promise<void> {
    const before = await this.copies.lock(sql, event.ticket);
    if (!isNextTicketEvent(event.ticket, event.ticketVersion, before?.version ?? 0)) return;
    const change = applyTicketEvent(before, event);
    if (!change.copy) return this.copies.remove(sql, event.ticket);
    const decision = await this.pass.decide(sql, change);
    if (!decision) return this.copies.save(sql, change.copy);
    const { cancel, assign, rule } = decision;
    const assignments = assignmentsAfter(change.copy.assignments, cancel, assign, rule);
    await this.copies.save(sql, { ...change.copy, assignments });
    await this.decisions.record(sql, decision, {
      eventId: event.id,
      actor: event.actor ?? 'Administrator',
      correlationId: event.correlationId,
    });
  }
}
