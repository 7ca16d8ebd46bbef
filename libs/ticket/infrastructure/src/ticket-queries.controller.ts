import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { withConnection } from '@helpdesk/shared-event-store';
import { parseBody, RpcErrorFilter, serviceRequest } from '@helpdesk/shared-messaging';
import {
  OpenTicketCountsDto,
  TicketAudienceDto,
  TicketSubjects,
  type OpenTicketCounts,
  type TicketAudienceV1,
} from '@helpdesk/ticket-contracts';
import { DataSource } from 'typeorm';
import { ticketAudience } from './ticket-audience.js';

/**
 * Questions other services ask about tickets, answered from ticket-service's read model: a
 * contact's tickets are those naming it or raised from one of its addresses (§3.5).
 */
@Controller()
@UseFilters(RpcErrorFilter)
export class TicketQueriesController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @MessagePattern(TicketSubjects.openTicketCounts)
  async openTicketCounts(@Payload() message: unknown): Promise<OpenTicketCounts> {
    const { body } = serviceRequest<Record<string, unknown>>(message);
    const { contacts } = await parseBody(OpenTicketCountsDto, body, 'HD Ticket');
    const { rows } = await withConnection(this.dataSource, (sql) =>
      sql.query<{ name: string; open: number }>(
        `SELECT c.name, count(t.name)::int AS open
           FROM jsonb_to_recordset($1::jsonb) AS c(name text, emails text[])
           LEFT JOIN ticket.hd_ticket t
             ON (t.contact = c.name OR t.raised_by = ANY(c.emails))
            AND t.status_category IN ('Open', 'Paused')
          GROUP BY c.name`,
        [JSON.stringify(contacts.map((c) => ({ name: c.name, emails: spellings(c.emails) })))],
      ),
    );
    return { counts: Object.fromEntries(rows.map((row) => [row.name, row.open])) };
  }

  /** Who may read one ticket now, by the rule that filters ticket lists (realtime's fan-out). */
  @MessagePattern(TicketSubjects.ticketAudience)
  async ticketAudience(@Payload() message: unknown): Promise<TicketAudienceV1> {
    const { body } = serviceRequest<Record<string, unknown>>(message);
    const { ticket } = await parseBody(TicketAudienceDto, body, 'HD Ticket');
    return withConnection(this.dataSource, (sql) => ticketAudience(sql, ticket));
  }
}

/** Each address as given and lower-cased, so either spelling on a ticket matches (by index). */
function spellings(emails: readonly string[]): string[] {
  return [...new Set(emails.flatMap((email) => [email, email.toLowerCase()]))];
}
