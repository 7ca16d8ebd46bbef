import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TicketCommands } from '@helpdesk/ticket-application';
import { ApplySlaDto, TicketSubjects, type AppliedSla } from '@helpdesk/ticket-contracts';
import { parseBody, RpcErrorFilter, serviceRequest } from '@helpdesk/shared-messaging';
import { plainFieldValues } from '../plain-field-values.js';

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
      { basedOn, fields: plainFieldValues(fields), defaultPriority: defaultPriority ?? null },
      ticket,
      context,
    );
    return { applied };
  }
}
