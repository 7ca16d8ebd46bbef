import { randomUUID } from 'node:crypto';
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
 * The events of one seeded ticket, decided by the ticket's own rules as the API decides them: an
 * `OpenTicket` and the description as the customer's first message (as `POST /api/resource/HD
 * Ticket` does), then each agent save as an `UpdateTicket` against the state so far. Ids (`key`,
 * the message's) are random, as the API's are; everything else follows the plan.
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
      // The seeded contact belongs to the seeded customer, as the contact directory would say.
      customersOfContact: (contact) =>
        contact === plan.contact && plan.customer !== null ? [plan.customer] : [],
      now: plan.openedAt,
      key: randomUUID(),
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
  if (state.kind === 'existing' && state.description !== null) {
    run({
      type: 'ReplyAsCustomer',
      data: { name, communicationId: randomUUID(), message: state.description, newTicket: true },
      context: {
        actor: plan.openedBy,
        actorIsAgent: !plan.viaPortal,
        now: plan.openedAt,
        lookups,
        settings: { defaultTicketStatus: state.status, ticketReopenStatus: state.status },
      },
    });
  }
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
