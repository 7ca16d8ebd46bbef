import type { Stamp } from '../command-context.js';

export interface AgentEnrolled {
  type: 'AgentEnrolled';
  data: Stamp & {
    user: string;
    agent_name: string;
    user_image: string | null;
    is_active: boolean;
    availability: string | null;
  };
}

export interface AgentProfileEdited {
  type: 'AgentProfileEdited';
  data: Stamp & { changes: { agent_name?: string; user_image?: string | null } };
}

export interface AgentActivated {
  type: 'AgentActivated';
  data: Stamp;
}

export interface AgentDeactivated {
  type: 'AgentDeactivated';
  data: Stamp;
}

export interface AgentAvailabilityChanged {
  type: 'AgentAvailabilityChanged';
  data: Stamp & { availability: string; category: 'Active' | 'Away' | 'Unavailable' };
}

export interface AgentRemoved {
  type: 'AgentRemoved';
  data: Stamp;
}

export type AgentEvent =
  | AgentEnrolled
  | AgentProfileEdited
  | AgentActivated
  | AgentDeactivated
  | AgentAvailabilityChanged
  | AgentRemoved;
