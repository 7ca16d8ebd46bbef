/** Every Assignment Rule has its own stream, keyed by its name. */
export function assignmentRuleStreamId(name: string): string {
  return `assignment-rule-${name}`;
}
