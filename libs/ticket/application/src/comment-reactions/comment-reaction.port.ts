export interface CommentReactionRow {
  user: string;
  emoji: string;
}

/** HD Comment Reaction rows and the notes they belong to. */
export interface CommentReactionReader {
  /** The ticket a note is on, or undefined when there is no such note. */
  commentTicket(comment: string): Promise<number | undefined>;
  /** The note's reactions, in the order users first reacted. */
  reactions(comment: string): Promise<CommentReactionRow[]>;
}
