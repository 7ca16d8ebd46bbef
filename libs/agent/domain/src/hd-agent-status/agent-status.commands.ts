import type { CommandContext } from '../command-context.js';
import type { AgentStatus } from './agent-status.js';

/** What deciding about a status needs beyond its own stream. */
export interface AgentStatusContext extends CommandContext {
  /** Every status as it stands, locked for the command: at least one enabled Active must stay. */
  statuses: readonly AgentStatus[];
  /** An HD Agent whose `availability` is this status, if any: such a status cannot be deleted. */
  agentInStatus?: string;
}

/** The values a caller sets; Select and Check values arrive unchecked. */
export interface AgentStatusInput {
  category?: string | null;
  color?: string | null;
  status_order?: number | null;
  enable?: boolean;
}

export interface CreateAgentStatus {
  type: 'CreateAgentStatus';
  agent_status: string;
  fields: AgentStatusInput;
  context: AgentStatusContext;
}

export interface EditAgentStatus {
  type: 'EditAgentStatus';
  changes: AgentStatusInput;
  context: AgentStatusContext;
}

export interface RemoveAgentStatus {
  type: 'RemoveAgentStatus';
  context: AgentStatusContext;
}

export type AgentStatusCommand = CreateAgentStatus | EditAgentStatus | RemoveAgentStatus;
