/**
 * A record's own property, read without running getters and never from its prototype, so a
 * field named `constructor` or `__proto__` reaches nothing the record does not hold itself.
 */
export function ownField(record: object, name: string): { found: boolean; value: unknown } {
  const descriptor = Object.getOwnPropertyDescriptor(record, name);
  return descriptor ? { found: true, value: descriptor.value } : { found: false, value: undefined };
}
