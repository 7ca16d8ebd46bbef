import { formatFrappeDate, formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import type { TicketLookups } from '@helpdesk/ticket-application';
import {
  decide,
  evolve,
  initialTicketState,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
} from '@helpdesk/ticket-domain';
import type { SeedTicketPlan } from './seed-ticket-plan.js';

/**
 * The events of one seeded ticket, decided by the ticket's own rules exactly as the API would:
 * an `OpenTicket`, then each agent save as an `UpdateTicket` against the state so far.
 */
export function seedTicketEvents(
  name: number,
  plan: SeedTicketPlan,
  lookups: TicketLookups,
  timeZone: string,
): TicketEvent[] {
  const settings = lookups.settings;
  let state: TicketState = initialTicketState;
  const events: TicketEvent[] = [];
  const run = (command: TicketCommand) => {
    const decided = decide(command, state);
    state = decided.reduce(evolve, state);
    events.push(...decided);
  };
  const defaultStatus = String(settings.default_ticket_status ?? 'Open');
  run({
    type: 'OpenTicket',
    data: {
      name,
      subject: plan.subject,
      description: plan.description,
      raisedBy: plan.raisedBy,
      priority: plan.priority,
      ticketType: plan.ticketType,
      viaCustomerPortal: plan.viaPortal,
      agentGroup: plan.agentGroup,
      contact: plan.contact,
      customer: plan.customer,
    },
    context: {
      actor: plan.openedBy,
      actorIsAgent: !plan.viaPortal,
      actorContact: plan.viaPortal ? plan.contact : null,
      now: plan.openedAt,
      key: plan.key,
      openingDate: formatFrappeDate(plan.openedAt, timeZone),
      defaults: {
        status: defaultStatus,
        statusCategory: lookups.statusCategoryOf(defaultStatus) ?? 'Open',
        ticketType: String(settings.default_ticket_type ?? 'Unspecified'),
        priority: (settings.default_priority as string | null) ?? null,
      },
      lookups,
    },
  });
  // Only consulted when a save carries the `modified` it read; these saves carry none.
  const staleCheck = {
    showDatetime: (instant: string) => formatFrappeDatetime(new Date(instant), timeZone),
  };
  for (const update of plan.updates) {
    run({
      type: 'UpdateTicket',
      data: { name, changes: update.changes },
      context: {
        actor: update.agent,
        actorIsAgent: true,
        now: update.at,
        lookups,
        ...staleCheck,
        settings: {
          defaultTicketType: (settings.default_ticket_type as string | null) ?? null,
          defaultPriority: (settings.default_priority as string | null) ?? null,
          isFeedbackMandatory: settings.is_feedback_mandatory === 1,
        },
      },
    });
  }
  return events;
}
