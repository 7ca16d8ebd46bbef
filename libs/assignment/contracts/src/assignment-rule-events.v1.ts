/**
 * Public Assignment Rule events, version 1 (docs/asyncapi/assignment-rule-events.v1.yaml): the
 * rules as assignment-rule-service records them. The assignments a rule makes are ticket events
 * (`helpdesk.ticket.v1.agent-assigned` with `rule`), published by ticket-service.
 */
export const ASSIGNMENT_EVENTS_STREAM = 'HELPDESK_ASSIGNMENT';
export const ASSIGNMENT_EVENTS_SUBJECT_PREFIX = 'helpdesk.assignment.v1';

interface AssignmentRuleEventEnvelopeV1<T extends string, D> {
  /** Unique event id; also the JetStream `Nats-Msg-Id`. Consumers deduplicate on it. */
  id: string;
  type: `helpdesk.assignment.v1.${T}`;
  /** The rule's `name`. */
  rule: string;
  /** Position of this event in the rule's own stream (1, 2, …). */
  version: number;
  occurredAt: string;
  actor: string | null;
  correlationId: string | null;
  data: D;
}

/** The rule's fields by Frappe name, child tables as row lists. */
export type AssignmentRuleFieldsV1 = Record<string, unknown>;

export type AssignmentRuleCreatedV1 = AssignmentRuleEventEnvelopeV1<
  'rule-created',
  AssignmentRuleFieldsV1
>;
/** Only the fields that changed, with their new values. */
export type AssignmentRuleUpdatedV1 = AssignmentRuleEventEnvelopeV1<
  'rule-updated',
  AssignmentRuleFieldsV1
>;
/** A team's rule followed its team: users (or weighted users) and `disabled`. */
export type AssignmentRuleSyncedWithTeamV1 = AssignmentRuleEventEnvelopeV1<
  'rule-synced-with-team',
  { team: string } & AssignmentRuleFieldsV1
>;
export type AssignmentRuleDeletedV1 = AssignmentRuleEventEnvelopeV1<
  'rule-deleted',
  Record<string, never>
>;

export type AssignmentRuleEventV1 =
  | AssignmentRuleCreatedV1
  | AssignmentRuleUpdatedV1
  | AssignmentRuleSyncedWithTeamV1
  | AssignmentRuleDeletedV1;
