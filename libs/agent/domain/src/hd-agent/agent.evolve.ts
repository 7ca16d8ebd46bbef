import type { AgentEvent } from './agent.events.js';
import type { AgentRecord, AgentState } from './agent.state.js';

export function evolveAgent(state: AgentState, event: AgentEvent): AgentState {
  const { at, by } = event.data;
  if (event.type === 'AgentEnrolled') {
    const { user, agent_name, user_image, is_active, availability } = event.data;
    return {
      kind: 'present',
      agent: {
        name: user,
        user,
        agent_name,
        user_image,
        is_active,
        availability,
        availability_changed_on: availability === null ? null : at,
        creation: at,
        modified: at,
        modified_by: by,
        owner: by,
      },
    };
  }
  if (state.kind === 'absent') return state;
  if (event.type === 'AgentRemoved') return { kind: 'absent' };
  const touched = { modified: at, modified_by: by };
  return { kind: 'present', agent: { ...apply(state.agent, event), ...touched } };
}

function apply(
  agent: AgentRecord,
  event: Exclude<AgentEvent, { type: 'AgentEnrolled' | 'AgentRemoved' }>,
): AgentRecord {
  switch (event.type) {
    case 'AgentProfileEdited':
      return { ...agent, ...event.data.changes };
    case 'AgentActivated':
      return { ...agent, is_active: true };
    case 'AgentDeactivated':
      return { ...agent, is_active: false };
    case 'AgentAvailabilityChanged':
      return {
        ...agent,
        availability: event.data.availability,
        availability_changed_on: event.data.at,
      };
  }
}
