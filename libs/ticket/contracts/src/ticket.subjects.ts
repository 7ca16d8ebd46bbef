/** NATS request/reply subjects served by ticket-service (queue group `ticket-service`). */
export const TicketSubjects = {
  openTicket: 'ticket.cmd.open',
  getTicket: 'ticket.query.get',
} as const;

export const TICKET_SERVICE_QUEUE = 'ticket-service';
