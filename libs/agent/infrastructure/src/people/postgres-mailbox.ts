import type { Mailbox, QueuedMail } from '@helpdesk/agent-application';
import type { Sql } from '@helpdesk/shared-event-store';

/**
 * `agent.email_queue`, Frappe's Email Queue: written in the command's transaction, read by a
 * mailer. No mailer runs in this deployment, so mail stays queued ("Not Sent").
 */
export class PostgresMailbox implements Mailbox {
  async enqueue(sql: Sql, mail: QueuedMail): Promise<void> {
    await sql.query(
      `INSERT INTO agent.email_queue
         (recipient, subject, template, args, reference_doctype, reference_name)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        mail.recipient,
        mail.subject,
        mail.template,
        JSON.stringify(mail.args),
        mail.reference_doctype,
        mail.reference_name,
      ],
    );
  }

  async dropUnsent(sql: Sql, doctype: string, name: string, template: string): Promise<void> {
    await sql.query(
      `DELETE FROM agent.email_queue WHERE reference_doctype = $1 AND reference_name = $2
         AND template = $3 AND status = 'Not Sent'`,
      [doctype, name, template],
    );
  }
}
