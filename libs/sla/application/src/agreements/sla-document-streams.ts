/** Every HD Service Level Agreement has its own stream, keyed by its name. */
export function agreementStreamId(name: string): string {
  return `hd-service-level-agreement-${name}`;
}

/** Every HD Service Holiday List has its own stream, keyed by its name. */
export function holidayListStreamId(name: string): string {
  return `hd-service-holiday-list-${name}`;
}

/** The stream-id prefixes of the SLA documents, for whatever reads their part of the log. */
export const SLA_DOCUMENT_STREAM_PREFIXES = [
  agreementStreamId(''),
  holidayListStreamId(''),
] as const;
