/**
 * Public SLA events, version 1 (docs/asyncapi/sla-events.v1.yaml): HD Service Level Agreements
 * and HD Service Holiday Lists as sla-service records them. Each save carries the whole document,
 * so a consumer keeps its copy from the latest event alone. What an SLA does to a ticket is a
 * ticket event (`helpdesk.ticket.v1.sla-applied`), published by ticket-service.
 */
export const SLA_EVENTS_STREAM = 'HELPDESK_SLA';
export const SLA_EVENTS_SUBJECT_PREFIX = 'helpdesk.sla.v1';

export type SlaDoctypeV1 = 'HD Service Level Agreement' | 'HD Service Holiday List';

interface SlaEventEnvelopeV1<T extends string, Doctype extends SlaDoctypeV1, D> {
  /** Unique event id; also the JetStream `Nats-Msg-Id`. Consumers deduplicate on it. */
  id: string;
  type: `helpdesk.sla.v1.${T}`;
  doctype: Doctype;
  /** The document's `name` (`service_level`, `holiday_list_name`). */
  name: string;
  /** Position of this event in the document's own stream (1, 2, …). */
  version: number;
  occurredAt: string;
  actor: string | null;
  correlationId: string | null;
  data: D;
}

/** A document's fields by Frappe name, child tables as row lists. */
export type SlaDocumentV1 = Record<string, unknown>;

export type AgreementSavedV1 = SlaEventEnvelopeV1<
  'agreement-saved',
  'HD Service Level Agreement',
  SlaDocumentV1
>;
export type AgreementDeletedV1 = SlaEventEnvelopeV1<
  'agreement-deleted',
  'HD Service Level Agreement',
  Record<string, never>
>;
export type HolidayListSavedV1 = SlaEventEnvelopeV1<
  'holiday-list-saved',
  'HD Service Holiday List',
  SlaDocumentV1
>;
export type HolidayListDeletedV1 = SlaEventEnvelopeV1<
  'holiday-list-deleted',
  'HD Service Holiday List',
  Record<string, never>
>;

export type SlaEventV1 =
  AgreementSavedV1 | AgreementDeletedV1 | HolidayListSavedV1 | HolidayListDeletedV1;
