import type { TicketFields } from '@helpdesk/shared-conditions';
import type { AssignmentRuleDocument } from '../rule/assignment-rule.document.js';
import { availablePool, type AgentAvailability } from './availability.js';
import { userFromField } from './based-on-field.js';
import { leastLoadedUser } from './load-balancing.js';
import { roundRobinUser } from './round-robin.js';
import { weightedUser } from './weighted-distribution.js';

/** What picking needs besides the rule, all read beforehand by the caller. */
export interface PickContext {
  ticket: TicketFields;
  availability: AgentAvailability;
  /** Open ToDos on HD Ticket per user, for Load Balancing. */
  openAssignmentCounts: ReadonlyMap<string, number>;
  /** Existing users among the values Based on Field rules may read. */
  knownUsers: ReadonlySet<string>;
}

/** The user picked and what the rule records for the next pick. */
export interface PickedUser {
  user: string;
  last_user: string;
  current_index: number;
}

/** Helpdesk's `get_user`: the rule's picking with the availability override; `null` if nobody. */
export function pickUser(rule: AssignmentRuleDocument, context: PickContext): PickedUser | null {
  const picked = (user: string | null, current_index = rule.current_index) =>
    user === null ? null : { user, last_user: user, current_index };
  const pool = () =>
    availablePool(rule.users, context.availability, (row) => row.user).map((row) => row.user);
  switch (rule.rule) {
    case 'Round Robin':
      return picked(roundRobinUser(pool(), rule.last_user));
    case 'Load Balancing':
      return picked(leastLoadedUser(pool(), context.openAssignmentCounts));
    case 'Based on Field':
      return picked(userFromField(context.ticket, rule.field, context.knownUsers));
    case 'Weighted Distribution': {
      const rows = availablePool(rule.weighted_users, context.availability, (row) => row.user);
      const pick = weightedUser(rows, rule.current_index);
      return pick && picked(pick.user, pick.nextIndex);
    }
  }
}
