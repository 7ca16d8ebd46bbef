import type { ServiceRequests } from '@helpdesk/shared-messaging';
import { TicketSubjects, type TicketAudienceV1 } from '@helpdesk/ticket-contracts';

const SYSTEM = { user: 'Administrator', roles: ['Administrator'] };

/** Asks ticket-service, the owner of HD Ticket's permission rule, who may read a ticket now. */
export class TicketAudiences {
  constructor(private readonly services: ServiceRequests) {}

  of(ticket: number, correlationId: string): Promise<TicketAudienceV1> {
    return this.services.request<TicketAudienceV1>(
      TicketSubjects.ticketAudience,
      { ticket },
      { actor: SYSTEM, correlationId },
    );
  }
}
