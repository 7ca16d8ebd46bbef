export interface AgentRecord {
  /** The agent's user id: HD Agent is named by its user. */
  name: string;
  user: string;
  agent_name: string;
  user_image: string | null;
  is_active: boolean;
  availability: string | null;
  availability_changed_on: string | null;
  creation: string;
  modified: string;
  modified_by: string;
  owner: string;
}

export type AgentState = { kind: 'absent' } | { kind: 'present'; agent: AgentRecord };

export const NO_AGENT: AgentState = { kind: 'absent' };

export function agentStreamId(user: string): string {
  return `hd-agent-${user}`;
}
