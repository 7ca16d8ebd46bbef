import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `hd_comment_reaction` (HD Comment Reaction): at most one emoji per user and internal note,
 * projected from the ticket streams. `creation` is when the user first reacted; changing the
 * emoji keeps it, so the note's reactions keep their order.
 */
export class TicketCommentReactions1763700001400 implements MigrationInterface {
  name = 'TicketCommentReactions1763700001400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.hd_comment_reaction (
      comment text NOT NULL,
      "user" text NOT NULL,
      emoji text NOT NULL,
      creation timestamptz NOT NULL,
      PRIMARY KEY (comment, "user")
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ticket.hd_comment_reaction`);
  }
}
