/** Who decided, and when: stamped on every event agent-service records. */
export interface CommandContext {
  actor: string;
  roles: readonly string[];
  /** ISO instant of the decision. */
  at: string;
}

export interface Stamp {
  at: string;
  by: string;
}

export function stamp(context: CommandContext): Stamp {
  return { at: context.at, by: context.actor };
}
