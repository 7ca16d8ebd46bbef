import type { AgentStatusEvent } from './agent-status.events.js';
import type { AgentStatusState } from './agent-status.state.js';

export function evolveAgentStatus(
  state: AgentStatusState,
  event: AgentStatusEvent,
): AgentStatusState {
  const { at, by } = event.data;
  switch (event.type) {
    case 'AgentStatusCreated': {
      const { agent_status, category, color, status_order, enable } = event.data;
      return {
        kind: 'present',
        status: {
          name: agent_status,
          agent_status,
          category,
          color,
          status_order,
          enable,
          creation: at,
          modified: at,
          modified_by: by,
          owner: by,
        },
      };
    }
    case 'AgentStatusChanged':
      if (state.kind === 'absent') return state;
      return {
        kind: 'present',
        status: { ...state.status, ...event.data.changes, modified: at, modified_by: by },
      };
    case 'AgentStatusRemoved':
      return { kind: 'absent' };
  }
}
