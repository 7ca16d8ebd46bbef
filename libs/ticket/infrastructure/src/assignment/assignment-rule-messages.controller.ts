import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TicketCommands } from '@helpdesk/ticket-application';
import {
  ApplyAssignmentRuleDto,
  TicketSubjects,
  type AppliedRuleDecision,
} from '@helpdesk/ticket-contracts';
import { parseBody, RpcErrorFilter, serviceRequest } from '@helpdesk/shared-messaging';

/**
 * Decisions of assignment-rule-service, applied to the ticket stream on behalf of the user whose
 * save ran the rule. The decision carries the assignees it was taken from, so a late or repeated
 * one is void rather than wrong.
 */
@Controller()
@UseFilters(RpcErrorFilter)
export class AssignmentRuleMessagesController {
  constructor(@Inject(TicketCommands) private readonly commands: TicketCommands) {}

  @MessagePattern(TicketSubjects.applyAssignmentRule)
  async apply(@Payload() message: unknown): Promise<AppliedRuleDecision> {
    const { context, body } = serviceRequest<Record<string, unknown>>(message);
    const { ticket, rule, expectedAssignees, cancel, assign } = await parseBody(
      ApplyAssignmentRuleDto,
      body,
      'HD Ticket',
    );
    const applied = await this.commands.applyAssignmentRule(
      { rule, expectedAssignees, cancel, assign: assign ?? null },
      ticket,
      context,
    );
    return { applied };
  }
}
