import type { Stamp } from '../command-context.js';
import type { AgentStatusCategory } from './agent-status.js';

export interface AgentStatusCreated {
  type: 'AgentStatusCreated';
  data: Stamp & {
    agent_status: string;
    category: AgentStatusCategory;
    color: string | null;
    status_order: number;
    enable: boolean;
  };
}

/** Only the fields that changed, with their new values. */
export interface AgentStatusChanged {
  type: 'AgentStatusChanged';
  data: Stamp & {
    changes: {
      category?: AgentStatusCategory;
      color?: string | null;
      status_order?: number;
      enable?: boolean;
    };
  };
}

export interface AgentStatusRemoved {
  type: 'AgentStatusRemoved';
  data: Stamp;
}

export type AgentStatusEvent = AgentStatusCreated | AgentStatusChanged | AgentStatusRemoved;
