import type { TicketOpened } from '../events/lifecycle.events.js';
import type { OpenTicket } from '../ticket.commands.js';
import type { FieldValue } from '../ticket.context.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { TicketState } from '../ticket.state.js';
import { defaultPriority } from './catalogue-fields.js';
import { assertOwnContact, contactOfRaiser, customerFor, raiserOf } from './contact-rules.js';
import { blankToNull, linkNotFound } from './guards.js';
import { PLAIN_TEXT_FIELDS } from './ticket-changes.js';

/**
 * Frappe's insert pipeline (the `before_validate` steps that need no I/O): type from the request
 * or the settings; raised_by defaults to the caller (and is the caller for non-agents); priority from the request, the type, then the
 * settings; a new ticket's status is always the default status, whatever the caller sent.
 */
export function openTicket(command: OpenTicket, state: TicketState): TicketOpened {
  const { data, context } = command;
  if (state.kind !== 'none') {
    throw new TicketRuleViolation('already-exists', `HD Ticket ${data.name} already exists`);
  }
  const subject = data.subject?.trim() ?? '';
  if (subject === '') {
    throw new TicketRuleViolation('mandatory', 'subject is required', ['subject']);
  }
  const lookups = context.lookups ?? {};
  const actorIsAgent = context.actorIsAgent ?? false;
  const givenType = blankToNull(data.ticketType);
  if (givenType !== null && lookups.typeExists?.(givenType) === false) {
    throw linkNotFound('Ticket Type', givenType, 'ticket_type');
  }
  const ticketType = givenType ?? context.defaults.ticketType;
  const givenPriority = blankToNull(data.priority);
  if (givenPriority !== null && lookups.priorityExists?.(givenPriority) === false) {
    throw linkNotFound('Priority', givenPriority, 'priority');
  }
  const agentGroup = blankToNull(data.agentGroup);
  if (agentGroup !== null && lookups.teamExists?.(agentGroup) === false) {
    throw linkNotFound('Team', agentGroup, 'agent_group');
  }
  const raisedBy = raiserOf(data.raisedBy, context.actor, actorIsAgent);
  const viaCustomerPortal = data.viaCustomerPortal ?? false;
  const givenContact = blankToNull(data.contact);
  assertOwnContact(givenContact, actorIsAgent, context);
  const contact = contactOfRaiser(givenContact, raisedBy, context);
  const customer = customerFor(
    {
      customer: blankToNull(data.customer),
      contact,
      isNew: true,
      customerChanged: true,
      viaCustomerPortal,
      actorIsAgent,
    },
    context,
  );
  return {
    type: 'TicketOpened',
    data: {
      name: data.name,
      subject,
      description: blankToNull(data.description),
      raisedBy,
      status: context.defaults.status,
      statusCategory:
        lookups.statusCategoryOf?.(context.defaults.status) ?? context.defaults.statusCategory,
      priority: givenPriority ?? defaultPriority(ticketType, lookups, context.defaults.priority),
      ticketType,
      viaCustomerPortal,
      key: context.key,
      openedBy: context.actor,
      openedAt: context.now.toISOString(),
      agentGroup,
      contact,
      customer,
      ...(context.openingDate === undefined ? {} : { openingDate: context.openingDate }),
      ...plainFields(data.fields),
    },
  };
}

/**
 * Fields only a creation may set: when the SLA clock starts (an ISO instant; the caller lets
 * agents alone pass it, as Frappe does).
 */
const CREATION_ONLY_FIELDS = ['service_level_agreement_creation'];

/** Plain fields given at creation (`template`, `summary`, …); blank ones are left out. */
function plainFields(given: OpenTicket['data']['fields']): { fields?: Record<string, FieldValue> } {
  const fields: Record<string, FieldValue> = {};
  for (const field of [...PLAIN_TEXT_FIELDS, ...CREATION_ONLY_FIELDS]) {
    if (field === 'raised_by' || given === undefined || !Object.hasOwn(given, field)) continue;
    const value = given[field];
    if (typeof value === 'number') fields[field] = String(value);
    else if (typeof value === 'string' && value !== '') fields[field] = value;
  }
  return Object.keys(fields).length > 0 ? { fields } : {};
}
