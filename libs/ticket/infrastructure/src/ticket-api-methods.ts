import { Logger } from '@nestjs/common';
import { PostgresEventStore, withConnection } from '@helpdesk/shared-event-store';
import {
  CommentReactionMethods,
  MergeSplitMethods,
  TicketMergeSplit,
  TicketApiMethods,
  TicketSidebarMethods,
  TicketWriteMethods,
  type ConversationDocuments,
  type GetTicketHandler,
  type MethodHandler,
  type OpenTicketHandler,
  type PeopleDirectory,
  type TicketCommands,
} from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';
import { PostgresTicketActivity } from './activity/postgres-ticket-activity.js';
import { PostgresCatalogueReadModel } from './catalogue/postgres-catalogue-read-model.js';
import { PostgresConversationSource } from './conversation/postgres-conversation-source.js';
import { PostgresTicketReadModel } from './postgres-ticket-read-model.js';
import { PostgresCommentReactions } from './reactions/postgres-comment-reactions.js';
import { TICKET_SCHEMA } from './ticket.migrations.js';

export interface TicketApiMethodDependencies {
  dataSource: DataSource;
  read: GetTicketHandler;
  open: OpenTicketHandler;
  commands: TicketCommands;
  conversations: ConversationDocuments;
  people: PeopleDirectory;
  newId: () => string;
  timeZone: string;
}

const API = 'helpdesk.helpdesk.doctype.hd_ticket.api';
const TICKET = 'helpdesk.api.ticket';
const COMMENT = 'helpdesk.helpdesk.doctype.hd_ticket_comment.hd_ticket_comment';
const logger = new Logger('TicketApi');

/** The HD Ticket API methods (frappe-api §2.1, §2.2, §2.4), by their dotted names. */
export function ticketApiMethods(deps: TicketApiMethodDependencies): [string, MethodHandler][] {
  const reads = {
    tickets: deps.read,
    activity: new PostgresTicketActivity(deps.dataSource, deps.timeZone),
    people: deps.people,
    timeZone: deps.timeZone,
  };
  const api = new TicketApiMethods(reads);
  const sidebar = new TicketSidebarMethods(reads);
  const writes = new TicketWriteMethods({
    open: deps.open,
    tickets: deps.read,
    commands: deps.commands,
    newId: deps.newId,
    onBulkReplyFailure: (ticket, error) =>
      logger.warn(`Bulk reply failed for ticket ${ticket}: ${String(error)}`),
  });
  const reactions = new CommentReactionMethods({
    tickets: deps.read,
    commands: deps.commands,
    reactions: new PostgresCommentReactions(deps.dataSource),
    people: deps.people,
    reactionsEnabled: () =>
      withConnection(deps.dataSource, async (sql) => {
        const settings = await new PostgresCatalogueReadModel().settings(sql);
        return settings.enable_comment_reactions === 1;
      }),
  });
  const mergeSplit = new MergeSplitMethods(
    new TicketMergeSplit({
      dataSource: deps.dataSource,
      store: new PostgresEventStore(TICKET_SCHEMA),
      readModel: new PostgresTicketReadModel(deps.timeZone),
      catalogues: new PostgresCatalogueReadModel(),
      conversations: new PostgresConversationSource(),
      newId: deps.newId,
      timeZone: deps.timeZone,
    }),
    deps.conversations,
  );
  return [
    [`${API}.get_one`, (params, context) => api.getOne(params, context)],
    [`${API}.get_ticket_activities`, (p, context) => sidebar.getTicketActivities(p, context)],
    [`${API}.get_ticket_contact`, (p, context) => sidebar.getTicketContact(p, context)],
    [`${API}.get_ticket_assignees`, (p, context) => sidebar.getTicketAssignees(p, context)],
    [
      `${API}.get_recent_similar_tickets`,
      (p, context) => sidebar.getRecentSimilarTickets(p, context),
    ],
    [`${API}.get_navigation_tickets`, (p, context) => sidebar.getNavigationTickets(p, context)],
    [`${API}.new`, (params, context) => writes.newTicket(params, context)],
    [`${API}.merge_ticket`, (p, context) => mergeSplit.mergeTicket(p, context)],
    [`${API}.split_ticket`, (p, context) => mergeSplit.splitTicket(p, context)],
    [`${TICKET}.delete_ticket`, (params, context) => writes.deleteTicket(params, context)],
    [`${TICKET}.bulk_reply`, (params, context) => writes.bulkReply(params, context)],
    [`${COMMENT}.toggle_reaction`, (p, context) => reactions.toggleReaction(p, context)],
    [`${COMMENT}.get_reactions`, (p, context) => reactions.getReactions(p, context)],
    [`${COMMENT}.get_preset_emojis`, () => reactions.getPresetEmojis()],
  ];
}
