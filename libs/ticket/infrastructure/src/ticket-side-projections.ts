import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import { projectActivity } from './activity/activity-projection.js';
import { projectAssignments } from './assignment/assignment-projection.js';
import { projectConversation } from './conversation/conversation-projection.js';
import { projectReactions } from './reactions/reaction-projection.js';
import { projectViewLog } from './views/view-log-projection.js';

/**
 * The tables projected beside `hd_ticket` from the same events, in the append's transaction. Each
 * projector is idempotent, so a replay changes nothing; a rebuild empties these tables first.
 */
const SIDE_PROJECTIONS: ((sql: Sql, recorded: RecordedEvent) => Promise<void>)[] = [
  projectReactions,
  projectConversation,
  projectActivity,
  projectViewLog,
  projectAssignments,
];

export const SIDE_TABLES = [
  'ticket.communication',
  'ticket.hd_ticket_comment',
  'ticket.hd_ticket_activity',
  'ticket.view_log',
  'ticket.hd_comment_reaction',
  'ticket.hd_ticket_assignment',
  'ticket.assignment_log',
];

export async function projectSideTables(sql: Sql, recorded: RecordedEvent): Promise<void> {
  for (const project of SIDE_PROJECTIONS) await project(sql, recorded);
}
