import { withConnection } from '@helpdesk/shared-event-store';
import type { CommentReactionReader, CommentReactionRow } from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';

export class PostgresCommentReactions implements CommentReactionReader {
  constructor(private readonly dataSource: DataSource) {}

  async commentTicket(comment: string): Promise<number | undefined> {
    const { rows } = await withConnection(this.dataSource, (sql) =>
      sql.query<{ reference_ticket: string }>(
        `SELECT reference_ticket FROM ticket.hd_ticket_comment WHERE name = $1`,
        [comment],
      ),
    );
    return rows[0] === undefined ? undefined : Number(rows[0].reference_ticket);
  }

  async reactions(comment: string): Promise<CommentReactionRow[]> {
    const { rows } = await withConnection(this.dataSource, (sql) =>
      sql.query<CommentReactionRow>(
        `SELECT "user", emoji FROM ticket.hd_comment_reaction WHERE comment = $1
         ORDER BY creation, "user"`,
        [comment],
      ),
    );
    return rows;
  }
}
