import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import type {
  AgentReplied,
  CopiedCommunication,
  CustomerReplied,
  TicketEvent,
  TicketMerged,
} from '@helpdesk/ticket-domain';

/**
 * Projects replies into `ticket.communication` and internal notes into `ticket.hd_ticket_comment`,
 * in the append's transaction. Inserts are keyed by the ids the events carry and comment updates
 * are guarded by stream version, so applying an event twice changes nothing.
 */
export async function projectConversation(sql: Sql, recorded: RecordedEvent): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as TicketEvent;
  switch (event.type) {
    case 'AgentReplied':
      return insertReply(sql, event, 'Sent');
    case 'CustomerReplied':
      return insertReply(sql, event, 'Received');
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
    case 'TicketMerged':
      return insertCopies(sql, recorded, event);
    case 'TicketSplit': {
      // Moved notes take the new ticket's stream versions from here on.
      const { newTicket, communications, comments } = event.data;
      await sql.query(
        `UPDATE ticket.communication SET reference_name = $2
          WHERE reference_doctype = 'HD Ticket' AND name = ANY($1)`,
        [communications, String(newTicket)],
      );
      await sql.query(
        `UPDATE ticket.hd_ticket_comment SET reference_ticket = $2, stream_version = 0
          WHERE name = ANY($1)`,
        [comments, String(newTicket)],
      );
      return;
    }
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

function insertReply(
  sql: Sql,
  event: AgentReplied | CustomerReplied,
  direction: 'Sent' | 'Received',
): Promise<void> {
  const d = event.data;
  const sent = event.type === 'AgentReplied' ? event.data : undefined;
  return insertCommunication(sql, String(d.name), {
    communicationId: d.communicationId,
    owner: d.by,
    creation: d.at,
    subject: d.subject,
    content: d.content,
    sender: d.sender,
    recipients: sent?.recipients ?? null,
    cc: sent?.cc ?? null,
    bcc: sent?.bcc ?? null,
    sentOrReceived: direction,
    emailAccount: sent?.emailAccount ?? null,
    attachments: d.attachments,
  });
}

/** One Communication row on a ticket; its name makes a second insert a no-op. */
async function insertCommunication(
  sql: Sql,
  ticket: string,
  c: Omit<CopiedCommunication, 'copiedFrom'>,
): Promise<void> {
  await sql.query(
    `INSERT INTO ticket.communication (name, owner, creation, modified, modified_by, subject,
       content, sender, recipients, cc, bcc, communication_type, communication_medium,
       sent_or_received, email_status, status, email_account, communication_date, "user",
       reference_doctype, reference_name, attachments)
     VALUES ($1, $2, $3, $3, $2, $4, $5, $6, $7, $8, $9, 'Communication', 'Email', $10, 'Open',
       'Linked', $11, $3, $2, 'HD Ticket', $12, $13)
     ON CONFLICT (name) DO NOTHING`,
    [
      c.communicationId,
      c.owner,
      c.creation,
      c.subject,
      c.content,
      c.sender,
      c.recipients,
      c.cc,
      c.bcc,
      c.sentOrReceived,
      c.emailAccount,
      ticket,
      JSON.stringify(c.attachments),
    ],
  );
}

/** A merge's copies of the source's conversation, with their original authors and dates. */
async function insertCopies(sql: Sql, recorded: RecordedEvent, event: TicketMerged) {
  const target = String(event.data.name);
  for (const c of event.data.communications) await insertCommunication(sql, target, c);
  for (const c of event.data.comments) {
    await sql.query(
      `INSERT INTO ticket.hd_ticket_comment (name, stream_version, owner, creation, modified,
         modified_by, reference_ticket, commented_by, content, is_pinned, attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $3, $8, $9, $10)
       ON CONFLICT (name) DO NOTHING`,
      [
        c.commentId,
        recorded.streamVersion,
        c.commentedBy,
        c.creation,
        c.modified,
        c.modifiedBy,
        target,
        c.content,
        c.isPinned,
        JSON.stringify(c.attachments),
      ],
    );
  }
}
