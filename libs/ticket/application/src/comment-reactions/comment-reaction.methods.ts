import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseBody, type MethodReply } from '@helpdesk/shared-messaging';
import { GetReactionsArgs, ToggleReactionArgs } from '@helpdesk/ticket-contracts';
import { assertPresetEmoji, PRESET_EMOJIS } from '@helpdesk/ticket-domain';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import type { PeopleDirectory } from '../people/people-directory.port.js';
import { isAgent, type RequestContext } from '../request-context.js';
import type { TicketCommands } from '../ticket-commands.handler.js';
import { toFrappeError } from '../ticket-errors.js';
import type { CommentReactionReader, CommentReactionRow } from './comment-reaction.port.js';

export interface CommentReactionDependencies {
  tickets: GetTicketHandler;
  commands: TicketCommands;
  reactions: CommentReactionReader;
  people: PeopleDirectory;
  /** HD Settings `enable_comment_reactions`. */
  reactionsEnabled: () => Promise<boolean>;
}

const COMMENT_NOT_FOUND = 'Comment not found';

/** `helpdesk.helpdesk.doctype.hd_ticket_comment.hd_ticket_comment.*` (frappe-api §2.2). */
export class CommentReactionMethods {
  constructor(private readonly deps: CommentReactionDependencies) {}

  /**
   * `toggle_reaction`: `{action, emoji}`, or nothing while reactions are off. The caller must
   * be able to see the note's ticket; the ticket's rules decide the rest.
   */
  async toggleReaction(
    params: Record<string, unknown>,
    context: RequestContext,
  ): Promise<MethodReply> {
    const { comment, emoji } = await parseBody(ToggleReactionArgs, params, 'HD Ticket Comment');
    const ticket = await this.deps.reactions.commentTicket(comment);
    if (ticket === undefined) return this.refuseUnknownComment(emoji);
    await this.deps.tickets.execute(ticket, context);
    const action = await this.deps.commands.toggleReaction(ticket, comment, emoji, context);
    return action === undefined ? {} : { message: { action, emoji } };
  }

  /**
   * `get_reactions`: the note's reactions grouped by emoji, in the order they were first used,
   * with who reacted and whether the caller did; `[]` while reactions are off. A note the caller
   * cannot see (customers never see notes) is not found.
   */
  async getReactions(
    params: Record<string, unknown>,
    context: RequestContext,
  ): Promise<MethodReply> {
    const { comment } = await parseBody(GetReactionsArgs, params, 'HD Ticket Comment');
    if (!(await this.deps.reactionsEnabled())) return { message: [] };
    const ticket = await this.deps.reactions.commentTicket(comment);
    if (ticket === undefined || !isAgent(context)) throw notFound();
    await this.deps.tickets.execute(ticket, context).catch((error: unknown) => {
      throw hidden(error) ? notFound() : error;
    });
    const rows = await this.deps.reactions.reactions(comment);
    return { message: await this.grouped(rows, context.user) };
  }

  getPresetEmojis(): Promise<MethodReply> {
    return Promise.resolve({ message: [...PRESET_EMOJIS] });
  }

  /** As Frappe checks them: reactions off answers nothing, then the emoji, then the note. */
  private async refuseUnknownComment(emoji: string): Promise<MethodReply> {
    if (!(await this.deps.reactionsEnabled())) return {};
    try {
      assertPresetEmoji(emoji);
    } catch (error) {
      throw toFrappeError(error);
    }
    throw notFound();
  }

  private async grouped(rows: CommentReactionRow[], currentUser: string) {
    const users = await this.deps.people.users(rows.map((row) => row.user));
    const byEmoji = new Map<
      string,
      { emoji: string; users: { user: string; full_name: string }[]; current_user_reacted: boolean }
    >();
    for (const { user, emoji } of rows) {
      const group = byEmoji.get(emoji) ?? { emoji, users: [], current_user_reacted: false };
      group.users.push({ user, full_name: users.get(user)?.full_name || user });
      group.current_user_reacted ||= user === currentUser;
      byEmoji.set(emoji, group);
    }
    return [...byEmoji.values()].map((group) => ({ ...group, count: group.users.length }));
  }
}

function hidden(error: unknown): boolean {
  return (
    error instanceof FrappeError &&
    (error.excType === 'PermissionError' || error.excType === 'DoesNotExistError')
  );
}

function notFound(): FrappeError {
  return FrappeError.validation(COMMENT_NOT_FOUND);
}
