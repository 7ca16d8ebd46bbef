import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import type { AgentReplied, CustomerReplied, TicketEvent } from '@helpdesk/ticket-domain';

/**
 * Projects replies into `ticket.communication` and internal notes into `ticket.hd_ticket_comment`,
 * in the append's transaction. Inserts are keyed by the ids the events carry and comment updates
 * are guarded by stream version, so applying an event twice changes nothing.
 */
export async function projectConversation(sql: Sql, recorded: RecordedEvent): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as TicketEvent;
  switch (event.type) {
    case 'AgentReplied':
      return insertCommunication(sql, event, 'Sent');
    case 'CustomerReplied':
      return insertCommunication(sql, event, 'Received');
    case 'CommentAdded': {
      const d = event.data;
      await sql.query(
        `INSERT INTO ticket.hd_ticket_comment (name, stream_version, owner, creation, modified,
           modified_by, reference_ticket, commented_by, content, attachments)
         VALUES ($1, $2, $3, $4, $4, $3, $5, $3, $6, $7)
         ON CONFLICT (name) DO NOTHING`,
        [
          d.commentId,
          recorded.streamVersion,
          d.by,
          d.at,
          String(d.name),
          d.content,
          JSON.stringify(d.attachments),
        ],
      );
      return;
    }
    case 'CommentEdited':
      return updateComment(sql, recorded, event.data, 'content', event.data.content);
    case 'CommentPinned':
      return updateComment(sql, recorded, event.data, 'is_pinned', event.data.pinned);
    case 'CommentDeleted':
      await sql.query(`DELETE FROM ticket.hd_ticket_comment WHERE name = $1`, [
        event.data.commentId,
      ]);
      return;
    case 'TicketDeleted': {
      // Frappe's on_trash removes the notes; replies go with the ticket they belong to.
      const ticket = String(event.data.name);
      await sql.query(`DELETE FROM ticket.hd_ticket_comment WHERE reference_ticket = $1`, [ticket]);
      await sql.query(
        `DELETE FROM ticket.communication
          WHERE reference_doctype = 'HD Ticket' AND reference_name = $1`,
        [ticket],
      );
      return;
    }
    default:
      return;
  }
}

/** One column of a note changes; the stream version guard makes a replay a no-op. */
async function updateComment(
  sql: Sql,
  recorded: RecordedEvent,
  data: { commentId: string; at: string; by: string },
  column: 'content' | 'is_pinned',
  value: string | boolean,
): Promise<void> {
  await sql.query(
    `UPDATE ticket.hd_ticket_comment
        SET ${column} = $2, modified = $3, modified_by = $4, stream_version = $5
      WHERE name = $1 AND stream_version < $5`,
    [data.commentId, value, data.at, data.by, recorded.streamVersion],
  );
}

async function insertCommunication(
  sql: Sql,
  event: AgentReplied | CustomerReplied,
  direction: 'Sent' | 'Received',
): Promise<void> {
  const d = event.data;
  const sent = event.type === 'AgentReplied' ? event.data : undefined;
  await sql.query(
    `INSERT INTO ticket.communication (name, owner, creation, modified, modified_by, subject,
       content, sender, recipients, cc, bcc, communication_type, communication_medium,
       sent_or_received, email_status, status, email_account, communication_date, "user",
       reference_doctype, reference_name, attachments)
     VALUES ($1, $2, $3, $3, $2, $4, $5, $6, $7, $8, $9, 'Communication', 'Email', $10, 'Open',
       'Linked', $11, $3, $2, 'HD Ticket', $12, $13)
     ON CONFLICT (name) DO NOTHING`,
    [
      d.communicationId,
      d.by,
      d.at,
      d.subject,
      d.content,
      d.sender,
      sent?.recipients ?? null,
      sent?.cc ?? null,
      sent?.bcc ?? null,
      direction,
      sent?.emailAccount ?? null,
      String(d.name),
      JSON.stringify(d.attachments),
    ],
  );
}
