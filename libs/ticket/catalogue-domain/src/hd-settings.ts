import { CatalogueRuleViolation } from './catalogue-rule-violation.js';
import type { StatusCategory } from './catalogue.schema.js';

/**
 * HD Settings, the single settings document, as far as tickets use it. Every change is a
 * `HdSettingsChanged` event on one stream; the values start at Frappe Helpdesk's install defaults.
 */
export const HD_SETTINGS_STREAM = 'hd-settings';

type SettingKind = 'check' | 'int' | 'text' | 'status' | 'type' | 'priority';

export const HD_SETTINGS_FIELDS = {
  restrict_tickets_by_agent_group: { kind: 'check', default: 0 },
  do_not_restrict_tickets_without_an_agent_group: { kind: 'check', default: 0 },
  assign_within_team: { kind: 'check', default: 0 },
  default_ticket_type: { kind: 'type', default: 'Unspecified' },
  default_priority: { kind: 'priority', default: 'Medium' },
  default_ticket_status: { kind: 'status', default: 'Open' },
  ticket_reopen_status: { kind: 'status', default: 'Open' },
  skip_email_workflow: { kind: 'check', default: 0 },
  instantly_send_email: { kind: 'check', default: 0 },
  brand_name: { kind: 'text', default: null },
  allow_anyone_to_create_tickets: { kind: 'check', default: 0 },
  auto_update_status: { kind: 'check', default: 0 },
  update_status_to: { kind: 'status', default: null },
  is_feedback_mandatory: { kind: 'check', default: 1 },
  auto_close_tickets: { kind: 'check', default: 0 },
  auto_close_after_days: { kind: 'int', default: 14 },
  auto_close_status: { kind: 'status', default: 'Replied' },
  enable_comment_reactions: { kind: 'check', default: 0 },
  enable_email_ticket_feedback: { kind: 'check', default: 0 },
  send_email_feedback_on_status: { kind: 'status', default: null },
  send_acknowledgement_email: { kind: 'check', default: 0 },
  enable_reply_email_to_agent: { kind: 'check', default: 1 },
  enable_reply_email_via_agent: { kind: 'check', default: 1 },
  disable_saved_replies_global_scope: { kind: 'check', default: 0 },
  enable_outside_hours_banner: { kind: 'check', default: 0 },
  auto_set_customer_from_contact: { kind: 'check', default: 1 },
} as const satisfies Record<string, { kind: SettingKind; default: string | number | null }>;

export type HdSettingName = keyof typeof HD_SETTINGS_FIELDS;
export type HdSettings = Record<HdSettingName, string | number | null>;

export const DEFAULT_HD_SETTINGS = Object.fromEntries(
  Object.entries(HD_SETTINGS_FIELDS).map(([field, spec]) => [field, spec.default]),
) as HdSettings;

export interface HdSettingsChanged {
  type: 'HdSettingsChanged';
  data: { changes: Partial<HdSettings>; at: string; by: string };
}

export interface SettingsLookups {
  statusCategoryOf: (status: string) => StatusCategory | undefined;
  typeExists: (type: string) => boolean;
  priorityExists: (priority: string) => boolean;
}

export function evolveHdSettings(state: HdSettings, event: HdSettingsChanged): HdSettings {
  return { ...state, ...event.data.changes };
}

/** Validates a change to HD Settings; returns no event when nothing changes. */
export function decideHdSettingsChange(
  state: HdSettings,
  submitted: Record<string, unknown>,
  context: { actor: string; now: Date; lookups: SettingsLookups },
): HdSettingsChanged[] {
  const changes: Partial<HdSettings> = {};
  for (const [field, raw] of Object.entries(submitted)) {
    if (!Object.hasOwn(HD_SETTINGS_FIELDS, field)) {
      throw new CatalogueRuleViolation('invalid', `Unknown field: ${field}`, [field]);
    }
    const name = field as HdSettingName;
    const value = normalise(name, raw, context.lookups);
    if (state[name] !== value) changes[name] = value;
  }
  const next = { ...state, ...changes };
  const days = Number(next.auto_close_after_days);
  if (next.auto_close_tickets === 1 && !(days > 0)) {
    throw new CatalogueRuleViolation(
      'invalid',
      'Day count for auto closing tickets cannot be negative or zero',
    );
  }
  for (const field of ['default_ticket_status', 'ticket_reopen_status'] as const) {
    if (context.lookups.statusCategoryOf(String(next[field])) !== 'Open') {
      throw new CatalogueRuleViolation(
        'invalid',
        `${field} must be a status of the Open category`,
        [field],
      );
    }
  }
  const feedbackStatus = next.send_email_feedback_on_status;
  if (feedbackStatus && context.lookups.statusCategoryOf(String(feedbackStatus)) !== 'Resolved') {
    throw new CatalogueRuleViolation(
      'invalid',
      'The status for sending feedback must be of <u>Resolved</u> category.',
      ['send_email_feedback_on_status'],
    );
  }
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'HdSettingsChanged',
      data: { changes, at: context.now.toISOString(), by: context.actor },
    },
  ];
}

function normalise(
  field: HdSettingName,
  raw: unknown,
  lookups: SettingsLookups,
): string | number | null {
  const kind: SettingKind = HD_SETTINGS_FIELDS[field].kind;
  if (raw === null || raw === '' || raw === undefined) return kind === 'check' ? 0 : null;
  const invalid = (what: string) =>
    new CatalogueRuleViolation('invalid', `${field} ${what}`, [field]);
  switch (kind) {
    case 'check':
      if (raw === 1 || raw === '1' || raw === true) return 1;
      if (raw === 0 || raw === '0' || raw === false) return 0;
      throw invalid('must be 0 or 1');
    case 'int':
      if (!Number.isInteger(Number(raw))) throw invalid('must be an integer');
      return Number(raw);
    case 'text':
      if (typeof raw !== 'string') throw invalid('must be text');
      return raw;
    case 'status':
      if (typeof raw !== 'string' || !lookups.statusCategoryOf(raw))
        throw invalid(`: no HD Ticket Status ${String(raw)}`);
      return raw;
    case 'type':
      if (typeof raw !== 'string' || !lookups.typeExists(raw))
        throw invalid(`: no HD Ticket Type ${String(raw)}`);
      return raw;
    case 'priority':
      if (typeof raw !== 'string' || !lookups.priorityExists(raw)) {
        throw invalid(`: no HD Ticket Priority ${String(raw)}`);
      }
      return raw;
  }
}
