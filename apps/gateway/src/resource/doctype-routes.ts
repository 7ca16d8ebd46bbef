import { CreateTicketDto, TicketSubjects } from '@helpdesk/ticket-contracts';

export interface DoctypeRoute {
  /** Subject and DTO for `POST /api/resource/<doctype>`. */
  create?: { subject: string; dto: new () => object };
  /** Subject for `GET /api/resource/<doctype>/<name>`; `numericName` docs have integer names. */
  get?: { subject: string; numericName: boolean };
}

/** Which service answers for which DocType. */
export const DOCTYPE_ROUTES: Readonly<Record<string, DoctypeRoute>> = {
  'HD Ticket': {
    create: { subject: TicketSubjects.openTicket, dto: CreateTicketDto },
    get: { subject: TicketSubjects.getTicket, numericName: true },
  },
};
