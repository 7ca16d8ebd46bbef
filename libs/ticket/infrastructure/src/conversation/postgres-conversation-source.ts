import type { Sql } from '@helpdesk/shared-event-store';
import type { ConversationToCopy, TicketConversationSource } from '@helpdesk/ticket-application';

interface CommunicationRow {
  name: string;
  subject: string;
  content: string;
  sender: string;
  recipients: string | null;
  cc: string | null;
  bcc: string | null;
  sent_or_received: 'Sent' | 'Received';
  email_account: string | null;
  attachments: string[];
  owner: string;
  creation: Date;
}

interface CommentRow {
  name: string;
  commented_by: string;
  content: string;
  is_pinned: boolean;
  attachments: string[];
  creation: Date;
  modified: Date;
  modified_by: string;
}

/** A ticket's Communications and notes from the read model, oldest first, for a merge to copy. */
export class PostgresConversationSource implements TicketConversationSource {
  async conversation(sql: Sql, ticket: number): Promise<ConversationToCopy> {
    const { rows: communications } = await sql.query<CommunicationRow>(
      `SELECT name, subject, content, sender, recipients, cc, bcc, sent_or_received,
              email_account, attachments, owner, creation
         FROM ticket.communication
        WHERE reference_doctype = 'HD Ticket' AND reference_name = $1
        ORDER BY creation, name`,
      [String(ticket)],
    );
    const { rows: comments } = await sql.query<CommentRow>(
      `SELECT name, commented_by, content, is_pinned, attachments, creation, modified, modified_by
         FROM ticket.hd_ticket_comment WHERE reference_ticket = $1 ORDER BY creation, name`,
      [String(ticket)],
    );
    return {
      communications: communications.map((c) => ({
        copiedFrom: c.name,
        subject: c.subject,
        content: c.content,
        sender: c.sender,
        recipients: c.recipients,
        cc: c.cc,
        bcc: c.bcc,
        sentOrReceived: c.sent_or_received,
        emailAccount: c.email_account,
        attachments: c.attachments,
        owner: c.owner,
        creation: c.creation.toISOString(),
      })),
      comments: comments.map((c) => ({
        copiedFrom: c.name,
        commentedBy: c.commented_by,
        content: c.content,
        isPinned: c.is_pinned,
        attachments: c.attachments,
        creation: c.creation.toISOString(),
        modified: c.modified.toISOString(),
        modifiedBy: c.modified_by,
      })),
    };
  }
}
