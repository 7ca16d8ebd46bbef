import type { FactChange, FactValues } from '@helpdesk/metrics-domain';
import type { TicketEventV1 } from '@helpdesk/ticket-contracts';

const PREFIX = 'helpdesk.ticket.v1.';

/** Events that are not an edit of the ticket, so leave its `modified` as it was (as Frappe does). */
const LEAVE_MODIFIED: ReadonlySet<string> = new Set([
  'comment-added',
  'comment-edited',
  'comment-pinned',
  'comment-deleted',
  'comment-reaction-added',
  'comment-reaction-removed',
  'agent-assigned',
  'agent-unassigned',
  'sla-applied',
  'metrics-applied',
  'seen',
  'split',
  'closed-for-inactivity',
  'deleted',
]);

/**
 * The dashboard facts a published ticket event sets (each event carries the values after its
 * change); events the dashboards do not read set nothing but may move `modified`.
 */
export function factChangeOf(event: TicketEventV1): FactChange {
  const kind = event.type.slice(PREFIX.length);
  return {
    ticket: event.ticket,
    version: event.ticketVersion,
    at: event.occurredAt,
    fields: factValuesOf(kind, event.occurredAt, event.data as Record<string, unknown>),
    touches: !LEAVE_MODIFIED.has(kind),
  };
}

function factValuesOf(kind: string, at: string, d: Record<string, unknown>): FactValues {
  switch (kind) {
    case 'opened':
      return {
        creation: at,
        subject: text(d.subject),
        status: text(d.status),
        statusCategory: text(d.status_category),
        priority: text(d.priority),
        ticketType: text(d.ticket_type),
        team: text(d.agent_group),
        customer: text(d.customer),
        contact: text(d.contact),
        viaCustomerPortal: d.via_customer_portal === true || d.via_customer_portal === 1,
      };
    case 'subject-changed':
      return { subject: text(d.subject) };
    case 'status-changed':
      return {
        status: text(d.to),
        statusCategory: text(d.to_category),
        ...(has(d, 'first_responded_on') ? { firstRespondedOn: text(d.first_responded_on) } : {}),
        ...(has(d, 'resolution_date') ? { resolutionDate: text(d.resolution_date) } : {}),
      };
    case 'priority-changed':
      return { priority: text(d.priority) };
    case 'type-changed':
      return { ticketType: text(d.ticket_type) };
    case 'team-changed':
      return { team: text(d.agent_group) };
    case 'contact-changed':
      return { contact: text(d.contact) };
    case 'customer-changed':
      return { customer: text(d.customer) };
    case 'feedback-given':
      return {
        feedback: text(d.feedback),
        feedbackRating: number(d.feedback_rating),
        feedbackExtra: text(d.feedback_extra),
      };
    case 'fields-changed':
      return portalFlag(record(d.fields));
    case 'agent-replied':
      return has(d, 'first_responded_on') ? { firstRespondedOn: text(d.first_responded_on) } : {};
    case 'agent-assigned':
    case 'agent-unassigned':
      return Array.isArray(d.assignees) ? { assignees: d.assignees.map(String) } : {};
    case 'sla-applied':
      return slaValues(record(d.fields));
    case 'deleted':
      return { deleted: true };
    default:
      return {};
  }
}

/** sla-service's reckoning carries only the fields that changed. */
function slaValues(fields: Record<string, unknown>): FactValues {
  const values: FactValues = {};
  if (has(fields, 'sla')) values.sla = text(fields.sla);
  if (has(fields, 'agreement_status')) values.agreementStatus = text(fields.agreement_status);
  if (has(fields, 'response_by')) values.responseBy = text(fields.response_by);
  if (has(fields, 'first_response_time'))
    values.firstResponseTime = number(fields.first_response_time);
  if (has(fields, 'resolution_time')) values.resolutionTime = number(fields.resolution_time);
  if (has(fields, 'priority')) values.priority = text(fields.priority);
  return values;
}

function portalFlag(fields: Record<string, unknown>): FactValues {
  if (!has(fields, 'via_customer_portal')) return {};
  const flag = fields.via_customer_portal;
  return { viaCustomerPortal: flag === true || flag === 1 || flag === '1' };
}

function has(data: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(data, key) && data[key] !== undefined;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

function number(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
