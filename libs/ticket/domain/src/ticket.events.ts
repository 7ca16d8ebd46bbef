/**
 * Facts on a ticket's stream. The `type` string is what is stored: never rename one; add a new
 * event or upcast on read instead.
 */
export interface TicketOpened {
  type: 'TicketOpened';
  data: {
    name: number;
    subject: string;
    description: string | null;
    raisedBy: string;
    status: string;
    statusCategory: string;
    priority: string | null;
    ticketType: string;
    viaCustomerPortal: boolean;
    key: string;
    openedBy: string;
    openedAt: string;
  };
}

export type TicketEvent = TicketOpened;
export type TicketEventType = TicketEvent['type'];
