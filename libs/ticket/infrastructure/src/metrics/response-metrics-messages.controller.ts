import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TicketCommands } from '@helpdesk/ticket-application';
import {
  ApplyResponseMetricsDto,
  TicketSubjects,
  type AppliedResponseMetrics,
} from '@helpdesk/ticket-contracts';
import { parseBody, RpcErrorFilter, serviceRequest } from '@helpdesk/shared-messaging';
import { plainFieldValues } from '../plain-field-values.js';

/**
 * The metrics workers' conversation metrics, applied to the ticket stream. Each names the
 * revision it was computed at, so a repeated or overtaken one changes nothing.
 */
@Controller()
@UseFilters(RpcErrorFilter)
export class ResponseMetricsMessagesController {
  constructor(@Inject(TicketCommands) private readonly commands: TicketCommands) {}

  @MessagePattern(TicketSubjects.applyResponseMetrics)
  async apply(@Payload() message: unknown): Promise<AppliedResponseMetrics> {
    const { context, body } = serviceRequest<Record<string, unknown>>(message);
    const { ticket, revision, fields } = await parseBody(
      ApplyResponseMetricsDto,
      body,
      'HD Ticket',
    );
    const applied = await this.commands.applyResponseMetrics(
      { revision, fields: plainFieldValues(fields) },
      ticket,
      context,
    );
    return { applied };
  }
}
