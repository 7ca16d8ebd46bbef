import type { TicketAudienceV1 } from '@helpdesk/ticket-contracts';
import { AGENTS_ROOM, userRoom } from './rooms.js';
import { isAgentViewer, type Viewer } from './viewer.js';

/** How readers are addressed: the room of every agent, and each user's own room. */
export interface ReaderAddressing {
  everyAgent: string;
  user: (user: string) => string;
}

const CONNECTIONS: ReaderAddressing = { everyAgent: AGENTS_ROOM, user: userRoom };

/** Whether a viewer may read the ticket: ticket-service's permission rule, as its audience states it. */
export function mayRead(audience: TicketAudienceV1, viewer: Viewer): boolean {
  if (!audience.exists) return false;
  if (isAgentViewer(viewer)) {
    return audience.everyAgent || audience.agents.includes(viewer.user);
  }
  return audience.customers.includes(viewer.user);
}

/**
 * The rooms that together hold exactly the ticket's readers: all agents or the entitled ones by
 * name, plus its customers unless the event is internal (notes are for agents only).
 */
export function readerRooms(
  audience: TicketAudienceV1,
  options: { internal: boolean },
  addressing: ReaderAddressing = CONNECTIONS,
): string[] {
  if (!audience.exists) return [];
  const rooms = new Set<string>();
  if (audience.everyAgent) rooms.add(addressing.everyAgent);
  for (const agent of audience.agents) rooms.add(addressing.user(agent));
  if (!options.internal) {
    for (const customer of audience.customers) rooms.add(addressing.user(customer));
  }
  return [...rooms];
}

/** Whether a named user may read the ticket as an agent (mentions reach only those). */
export function agentMayRead(audience: TicketAudienceV1, user: string): 'yes' | 'if-agent' | 'no' {
  if (!audience.exists) return 'no';
  if (audience.agents.includes(user)) return 'yes';
  return audience.everyAgent ? 'if-agent' : 'no';
}
