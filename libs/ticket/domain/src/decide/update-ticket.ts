import type { TicketEventMeta } from '../events/lifecycle.events.js';
import type { UpdateTicket } from '../ticket.commands.js';
import type { FieldValue } from '../ticket.context.js';
import type { TicketEvent } from '../ticket.events.js';
import { evolve } from '../ticket.evolve.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { ExistingTicket, TicketState } from '../ticket.state.js';
import { statusChanges, teamChanges, typeAndPriorityChanges } from './catalogue-fields.js';
import { assertOwnContact, contactOfRaiser, customerFor } from './contact-rules.js';
import { assertResolvedWithFeedback, feedbackChanges } from './feedback.js';
import {
  assertCustomerMayUpdate,
  blankToNull,
  eventMeta,
  existingTicket,
  forbidden,
} from './guards.js';
import { assertNotModifiedSince } from './stale-save.js';
import { parseTicketChanges, type TicketChanges } from './ticket-changes.js';

/**
 * A save of an existing ticket: one event per kind of change, none for values that stay the
 * same. Rules run in Frappe's order: `check_if_latest`, standard fields, `check_update_perms`,
 * the `before_validate` defaults and links, then `validate_feedback` on the result.
 */
export function updateTicket(command: UpdateTicket, state: TicketState): TicketEvent[] {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  const { modified, ...given } = data.changes;
  assertNotModifiedSince(ticket, modified, context.showDatetime);
  const changes = parseTicketChanges(given, ticket);
  assertCustomerMayUpdate(ticket, context.actorIsAgent);
  const meta = eventMeta(ticket, context);
  const plain = plainFieldChanges(ticket, changes.plain, context.actor);
  // Who raised a ticket decides whose portal shows it: only agents move it to someone else.
  if (!context.actorIsAgent && Object.hasOwn(plain, 'raised_by')) {
    throw forbidden('Only agents can change who raised a ticket.');
  }
  const raisedBy = typeof plain.raised_by === 'string' ? plain.raised_by : ticket.raisedBy;
  const events: TicketEvent[] = [
    ...subjectChanges(ticket, changes, meta),
    ...textChange(ticket.description, changes.description, (description) => ({
      type: 'TicketDescriptionChanged',
      data: { ...meta, description },
    })),
    ...typeAndPriorityChanges(ticket, changes, context.lookups, context.settings, meta),
    ...teamChanges(ticket, changes, context.lookups, meta),
    ...contactAndCustomerChanges(ticket, changes, raisedBy, context, meta),
    ...statusChanges(ticket, changes, context.lookups, meta),
    ...textChange(ticket.resolutionDetails, changes.resolutionDetails, (resolutionDetails) => ({
      type: 'TicketResolutionDetailsChanged',
      data: { ...meta, resolutionDetails },
    })),
    ...feedbackChanges(ticket, changes, context.lookups, meta),
    ...(Object.keys(plain).length > 0
      ? [{ type: 'TicketFieldsChanged' as const, data: { ...meta, fields: plain } }]
      : []),
  ];
  const after = events.reduce(evolve, ticket as TicketState) as ExistingTicket;
  assertResolvedWithFeedback(after, context.actorIsAgent, context.settings.isFeedbackMandatory);
  return events;
}

function subjectChanges(
  ticket: ExistingTicket,
  changes: TicketChanges,
  meta: TicketEventMeta,
): TicketEvent[] {
  if (changes.subject === undefined) return [];
  const subject = changes.subject?.trim() ?? '';
  if (subject === '')
    throw new TicketRuleViolation('mandatory', 'subject is required', ['subject']);
  if (subject === ticket.subject) return [];
  return [{ type: 'TicketSubjectChanged', data: { ...meta, subject } }];
}

function textChange(
  current: string | null,
  given: string | null | undefined,
  event: (value: string | null) => TicketEvent,
): TicketEvent[] {
  if (given === undefined) return [];
  const value = blankToNull(given);
  return value === current ? [] : [event(value)];
}

/**
 * A changed contact must be the caller's own (for non-agents); an empty one is looked up from
 * the raiser's address; a changed customer must belong to the contact.
 */
function contactAndCustomerChanges(
  ticket: ExistingTicket,
  changes: TicketChanges,
  raisedBy: string,
  context: UpdateTicket['context'],
  meta: TicketEventMeta,
): TicketEvent[] {
  const events: TicketEvent[] = [];
  const given = changes.contact === undefined ? ticket.contact : blankToNull(changes.contact);
  if (given !== ticket.contact) assertOwnContact(given, context.actorIsAgent, context);
  const contact = contactOfRaiser(given, raisedBy, context);
  if (contact !== ticket.contact) {
    events.push({ type: 'TicketContactChanged', data: { ...meta, contact } });
  }
  const givenCustomer = changes.customer === undefined ? ticket.customer : changes.customer;
  const customer = customerFor(
    {
      customer: blankToNull(givenCustomer),
      contact,
      isNew: false,
      customerChanged: blankToNull(givenCustomer) !== ticket.customer,
      viaCustomerPortal: ticket.viaCustomerPortal,
      actorIsAgent: context.actorIsAgent,
    },
    context,
  );
  if (customer !== ticket.customer) {
    events.push({ type: 'TicketCustomerChanged', data: { ...meta, customer } });
  }
  return events;
}

/** The plain fields whose value differs; an emptied `raised_by` becomes the caller. */
function plainFieldChanges(
  ticket: ExistingTicket,
  given: Readonly<Record<string, FieldValue>>,
  actor: string,
): Record<string, FieldValue> {
  const changed: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(given)) {
    const next = field === 'raised_by' ? (value ?? actor) : value;
    if (next !== currentPlainValue(ticket, field)) changed[field] = next;
  }
  return changed;
}

function currentPlainValue(ticket: ExistingTicket, field: string): FieldValue {
  if (field === 'raised_by') return ticket.raisedBy;
  if (field === 'via_customer_portal') return ticket.viaCustomerPortal;
  return Object.hasOwn(ticket.fields, field) ? (ticket.fields[field] ?? null) : null;
}
