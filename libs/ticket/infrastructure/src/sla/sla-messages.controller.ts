import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TicketCommands } from '@helpdesk/ticket-application';
import { ApplySlaDto, TicketSubjects, type AppliedSla } from '@helpdesk/ticket-contracts';
import type { FieldValue } from '@helpdesk/ticket-domain';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseBody, RpcErrorFilter, serviceRequest } from '@helpdesk/shared-messaging';

/**
 * sla-service's reckonings, applied to the ticket stream. Each names the ticket version it was
 * computed from, so a repeated or overtaken one changes nothing.
 */
@Controller()
@UseFilters(RpcErrorFilter)
export class SlaMessagesController {
  constructor(@Inject(TicketCommands) private readonly commands: TicketCommands) {}

  @MessagePattern(TicketSubjects.applySla)
  async apply(@Payload() message: unknown): Promise<AppliedSla> {
    const { context, body } = serviceRequest<Record<string, unknown>>(message);
    const { ticket, basedOn, fields, defaultPriority } = await parseBody(
      ApplySlaDto,
      body,
      'HD Ticket',
    );
    const applied = await this.commands.applySla(
      { basedOn, fields: plainValues(fields), defaultPriority: defaultPriority ?? null },
      ticket,
      context,
    );
    return { applied };
  }
}

/** Field values are scalars or null; anything else is a malformed reckoning. */
function plainValues(fields: object): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw FrappeError.validation(`${field} must be a plain value`);
    }
    values[field] = value as FieldValue;
  }
  return values;
}
