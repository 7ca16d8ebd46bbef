import { randomUUID } from 'node:crypto';
import { namespacedSubject } from '@helpdesk/shared-messaging';
import type { TicketEventV1 } from '@helpdesk/ticket-contracts';

export type ReplyKind = 'customer-replied' | 'agent-replied';

/** Tickets asked between a customer's message and the agent's answer to it. */
const ANSWER_LEAD = 100;

/**
 * Event `k` (0 ≤ k < 2 × tickets) of a run over tickets `firstTicket…`: each ticket's customer
 * writes, and an agent answers about 2 × ANSWER_LEAD events later, so the stream interleaves
 * questions and answers at a steady pace (at 1,000 events/s a response time of about 200 ms).
 */
export function replyOf(
  firstTicket: number,
  tickets: number,
  k: number,
): { ticket: number; kind: ReplyKind } {
  const lead = Math.min(ANSWER_LEAD, tickets);
  const asked = (n: number) => ({ ticket: firstTicket + n, kind: 'customer-replied' as const });
  const answered = (n: number) => ({ ticket: firstTicket + n, kind: 'agent-replied' as const });
  if (k < lead) return asked(k);
  if (k >= 2 * tickets - lead) return answered(k - tickets);
  const m = k - lead;
  return m % 2 === 0 ? answered(m / 2) : asked(lead + (m - 1) / 2);
}

/** The subject and payload of a reply that happened (was committed) at `occurredAt` (epoch ms). */
export function replyEvent(
  namespace: string,
  ticket: number,
  kind: ReplyKind,
  occurredAt: number,
): { subject: string; event: TicketEventV1 } {
  const customer = kind === 'customer-replied';
  const event: TicketEventV1 = {
    id: randomUUID(),
    type: `helpdesk.ticket.v1.${kind}`,
    ticket,
    ticketVersion: customer ? 2 : 3,
    occurredAt: new Date(occurredAt).toISOString(),
    actor: customer ? 'customer@bench.example' : 'agent@bench.example',
    correlationId: randomUUID(),
    data: {
      communication_id: randomUUID(),
      subject: `Re: Bench ticket ${ticket}`,
      content: customer
        ? '<p>The invoice for last month shows the wrong plan. Could you have a look?</p>'
        : '<p>Thanks for writing in. We corrected the plan; a new invoice is on its way.</p>',
      sender: customer ? 'customer@bench.example' : 'agent@bench.example',
      recipients: customer ? null : 'customer@bench.example',
      cc: null,
      bcc: null,
      attachments: [],
      ...(customer ? {} : { first_responded_on: new Date(occurredAt).toISOString() }),
    },
  };
  return { subject: namespacedSubject(namespace, event.type), event };
}
