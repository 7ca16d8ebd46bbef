import type { TicketCatalogue, TicketFacts } from '@helpdesk/sla-application';
import { resourceSubject, type RpcClient } from '@helpdesk/shared-messaging';
import { TICKET_SERVICE } from '@helpdesk/ticket-contracts';

const SYSTEM = { actor: { user: 'Administrator', roles: ['System Manager'] } };

/**
 * HD Ticket Priorities and Open statuses, asked of ticket-service (their owner) for each SLA
 * save, as Frappe's link checks read them at save time.
 */
export class RpcTicketCatalogue implements TicketCatalogue {
  constructor(private readonly ticketService: RpcClient) {}

  async facts(): Promise<TicketFacts> {
    const [priorities, statuses] = await Promise.all([
      this.list<{ name: string; disabled: number }>('HD Ticket Priority', {
        fields: ['name', 'disabled'],
      }),
      this.list<{ name: string }>('HD Ticket Status', {
        fields: ['name'],
        filters: [['category', '=', 'Open']],
      }),
    ]);
    return {
      ticketPriorities: priorities.map(({ name, disabled }) => ({ name, enabled: !disabled })),
      openTicketStatuses: statuses.map(({ name }) => name),
    };
  }

  private list<T>(doctype: string, params: Record<string, unknown>): Promise<T[]> {
    return this.ticketService.request<T[]>(
      resourceSubject(TICKET_SERVICE, 'list'),
      { doctype, params: { ...params, limit_page_length: 0 } },
      { ...SYSTEM, correlationId: `sla-ticket-facts-${doctype}` },
    );
  }
}
