import type { TicketEventMeta } from './lifecycle.events.js';

/**
 * `_assign` changes, one event per user. `assignees` is the whole list after the change, in order
 * of assignment, so the document can be updated from the event alone.
 */
export interface AgentAssigned {
  type: 'AgentAssigned';
  data: TicketEventMeta & {
    agent: string;
    assignees: string[];
    /** The Assignment Rule that made it (Frappe's `ToDo.assignment_rule`); absent when manual. */
    rule?: string;
  };
}

export interface AgentUnassigned {
  type: 'AgentUnassigned';
  data: TicketEventMeta & {
    agent: string;
    assignees: string[];
    /** The Assignment Rule whose unassign condition, or team change, cleared it. */
    rule?: string;
  };
}
