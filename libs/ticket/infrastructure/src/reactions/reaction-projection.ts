import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import { ticketEventOf } from '../recorded-ticket-event.js';

/**
 * HD Comment Reaction rows. Runs before the comment projection, so that when a ticket is deleted
 * its notes are still there to say which reactions go with them.
 */
export async function projectReactions(sql: Sql, recorded: RecordedEvent): Promise<void> {
  const event = ticketEventOf(recorded);
  switch (event.type) {
    case 'CommentReactionAdded': {
      const d = event.data;
      await sql.query(
        `INSERT INTO ticket.hd_comment_reaction (comment, "user", emoji, creation)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (comment, "user") DO UPDATE SET emoji = EXCLUDED.emoji`,
        [d.commentId, d.by, d.emoji, d.at],
      );
      return;
    }
    case 'CommentReactionRemoved':
      await sql.query(`DELETE FROM ticket.hd_comment_reaction WHERE comment = $1 AND "user" = $2`, [
        event.data.commentId,
        event.data.by,
      ]);
      return;
    case 'CommentDeleted':
      await sql.query(`DELETE FROM ticket.hd_comment_reaction WHERE comment = $1`, [
        event.data.commentId,
      ]);
      return;
    case 'TicketDeleted':
      await sql.query(
        `DELETE FROM ticket.hd_comment_reaction WHERE comment IN
           (SELECT name FROM ticket.hd_ticket_comment WHERE reference_ticket = $1)`,
        [String(event.data.name)],
      );
      return;
    default:
      return;
  }
}
