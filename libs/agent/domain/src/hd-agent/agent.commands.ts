import type { CommandContext } from '../command-context.js';
import type { AgentStatus } from '../hd-agent-status/agent-status.js';

/** What deciding about agents needs to know beyond the agent's own stream. */
export interface AgentContext extends CommandContext {
  statuses: readonly AgentStatus[];
}

export interface EnrolAgent {
  type: 'EnrolAgent';
  user: string;
  /** The user's full name; the agent's name defaults to it. */
  userFullName: string | undefined;
  agent_name?: string | null;
  user_image?: string | null;
  is_active?: boolean;
  availability?: string | null;
  context: AgentContext;
}

export interface EditAgent {
  type: 'EditAgent';
  changes: {
    agent_name?: string;
    user_image?: string | null;
    is_active?: boolean;
    availability?: string;
  };
  context: AgentContext;
}

export interface RemoveAgent {
  type: 'RemoveAgent';
  context: AgentContext;
}

export type AgentCommand = EnrolAgent | EditAgent | RemoveAgent;
