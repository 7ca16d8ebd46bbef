import type { FieldValue } from '../ticket.context.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { ExistingTicket } from '../ticket.state.js';

/** The Frappe change map, sorted into what each rule needs; absent means "not sent". */
export interface TicketChanges {
  subject?: string | null;
  description?: string | null;
  status?: string | null;
  priority?: string | null;
  ticketType?: string | null;
  agentGroup?: string | null;
  contact?: string | null;
  customer?: string | null;
  resolutionDetails?: string | null;
  feedback?: string | null;
  feedbackRating?: number | null;
  feedbackExtra?: string | null;
  /** Plain fields by Frappe name, normalised (`via_customer_portal` as a boolean). */
  plain: Record<string, FieldValue>;
}

type TextChange = Exclude<keyof TicketChanges, 'plain' | 'feedbackRating'>;

const TEXT_FIELDS: Readonly<Record<string, TextChange>> = {
  subject: 'subject',
  description: 'description',
  status: 'status',
  priority: 'priority',
  ticket_type: 'ticketType',
  agent_group: 'agentGroup',
  contact: 'contact',
  customer: 'customer',
  resolution_details: 'resolutionDetails',
  feedback: 'feedback',
  feedback_extra: 'feedbackExtra',
};

/** Plain text fields no rule depends on, beyond `raised_by`'s default. */
export const PLAIN_TEXT_FIELDS: readonly string[] = [
  'raised_by',
  'template',
  'summary',
  'email_account',
  'attachment',
  'content_type',
];

/** Frappe's `default_fields` and child-table fields: `set_value` refuses them. */
const STANDARD_FIELDS: ReadonlySet<string> = new Set([
  'doctype',
  'name',
  'owner',
  'creation',
  'modified',
  'modified_by',
  'docstatus',
  'idx',
  'parent',
  'parentfield',
  'parenttype',
]);

/**
 * Sorts a change map. Standard fields (and `_assign`-style system columns) are refused, except a
 * `doctype`/`name` that merely repeats the document's own. Fields the ticket computes itself
 * (SLA deadlines, response timestamps, `status_category`, …) and unknown names are ignored, as
 * Frappe ignores what it recomputes on save or has no column for.
 */
export function parseTicketChanges(
  changes: Readonly<Record<string, unknown>>,
  ticket: ExistingTicket,
): TicketChanges {
  const parsed: TicketChanges = { plain: {} };
  for (const [field, raw] of Object.entries(changes)) {
    if (raw === undefined || repeatsIdentity(field, raw, ticket)) continue;
    if (STANDARD_FIELDS.has(field) || field.startsWith('_')) {
      throw new TicketRuleViolation('invalid', 'Cannot edit standard fields', [field]);
    }
    const textChange = Object.hasOwn(TEXT_FIELDS, field) ? TEXT_FIELDS[field] : undefined;
    if (textChange !== undefined) parsed[textChange] = text(field, raw);
    else if (field === 'feedback_rating') parsed.feedbackRating = rating(raw);
    else if (field === 'via_customer_portal') parsed.plain[field] = check(field, raw);
    else if (PLAIN_TEXT_FIELDS.includes(field)) parsed.plain[field] = text(field, raw);
    else if (field === 'key' && raw !== ticket.key) {
      // `key` is set_only_once: it signs the customer's email-feedback link.
      throw new TicketRuleViolation('invalid', 'Value cannot be changed for Key', [field]);
    }
  }
  return parsed;
}

function repeatsIdentity(field: string, raw: unknown, ticket: ExistingTicket): boolean {
  if (field === 'doctype') return raw === 'HD Ticket';
  if (field === 'name') return String(raw) === String(ticket.name);
  return false;
}

/** Text and link values; "" is Frappe's empty value, so it reads as null. */
function text(field: string, raw: unknown): string | null {
  if (raw === null || raw === '') return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  throw new TicketRuleViolation('invalid', `Invalid value for ${field}`, [field]);
}

function check(field: string, raw: unknown): boolean {
  if (raw === true || raw === 1 || raw === '1') return true;
  if (raw === false || raw === 0 || raw === '0' || raw === null || raw === '') return false;
  throw new TicketRuleViolation('invalid', `Invalid value for ${field}`, [field]);
}

/** A Rating is a fraction: 5 stars is 1.0. */
function rating(raw: unknown): number | null {
  if (raw === null || raw === '') return null;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  throw new TicketRuleViolation('invalid', 'Invalid value for feedback_rating', [
    'feedback_rating',
  ]);
}
