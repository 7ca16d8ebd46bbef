/** Every HD Service Level Agreement has its own stream, keyed by its name. */
export function agreementStreamId(name: string): string {
  return `hd-service-level-agreement-${name}`;
}

/** Every HD Service Holiday List has its own stream, keyed by its name. */
export function holidayListStreamId(name: string): string {
  return `hd-service-holiday-list-${name}`;
}
