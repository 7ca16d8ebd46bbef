import type { AgentStatus } from './agent-status.js';

export interface AgentStatusRecord extends AgentStatus {
  /** HD Agent Status is named by its `agent_status`. */
  name: string;
  creation: string;
  modified: string;
  modified_by: string;
  owner: string;
}

export type AgentStatusState = { kind: 'absent' } | { kind: 'present'; status: AgentStatusRecord };

export const NO_AGENT_STATUS: AgentStatusState = { kind: 'absent' };

export function agentStatusStreamId(name: string): string {
  return `agent-status-${name}`;
}
