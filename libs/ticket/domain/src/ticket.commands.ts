/** What the caller asks for; ids, clock and settings are passed in, never fetched by the domain. */
export interface OpenTicket {
  type: 'OpenTicket';
  data: {
    name: number;
    subject: string;
    description?: string | null;
    raisedBy?: string | null;
    priority?: string | null;
    ticketType?: string | null;
    viaCustomerPortal?: boolean;
  };
  context: {
    actor: string;
    now: Date;
    key: string;
    defaults: TicketDefaults;
  };
}

/** HD Settings values the save pipeline falls back on. */
export interface TicketDefaults {
  status: string;
  statusCategory: string;
  ticketType: string;
  priority: string | null;
}

export type TicketCommand = OpenTicket;
