/** ticket-service answers `ticket.resource.<op>` (queue group `ticket-service`) for these DocTypes. */
export const TICKET_SERVICE = 'ticket';
export const TICKET_SERVICE_QUEUE = 'ticket-service';

export const TICKET_SERVICE_DOCTYPES = [
  'HD Ticket',
  'HD Ticket Status',
  'HD Ticket Priority',
  'HD Ticket Type',
  'HD Ticket Feedback Option',
  'HD Settings',
  'Communication',
  'HD Ticket Comment',
] as const;

/** Whitelisted methods ticket-service answers on `ticket.method`, whatever DocType they name. */
export const TICKET_SERVICE_METHODS = [
  'helpdesk.api.ticket.get_history',
  'helpdesk.helpdesk.doctype.hd_ticket.api.get_one',
  'helpdesk.helpdesk.doctype.hd_ticket.api.get_ticket_activities',
  'helpdesk.helpdesk.doctype.hd_ticket.api.get_ticket_contact',
  'helpdesk.helpdesk.doctype.hd_ticket.api.get_ticket_assignees',
  'helpdesk.helpdesk.doctype.hd_ticket.api.get_recent_similar_tickets',
  'helpdesk.helpdesk.doctype.hd_ticket.api.get_navigation_tickets',
  'helpdesk.helpdesk.doctype.hd_ticket.api.new',
  'helpdesk.helpdesk.doctype.hd_ticket.api.merge_ticket',
  'helpdesk.helpdesk.doctype.hd_ticket.api.split_ticket',
  'helpdesk.api.ticket.delete_ticket',
  'helpdesk.api.ticket.bulk_reply',
  'helpdesk.helpdesk.doctype.hd_ticket_comment.hd_ticket_comment.toggle_reaction',
  'helpdesk.helpdesk.doctype.hd_ticket_comment.hd_ticket_comment.get_reactions',
  'helpdesk.helpdesk.doctype.hd_ticket_comment.hd_ticket_comment.get_preset_emojis',
  'helpdesk.api.search.search',
  'helpdesk.api.search.get_filter_options',
  'helpdesk.api.agent_home.agent_home.get_pending_tickets',
  'helpdesk.api.agent_home.agent_home.get_recent_activity',
] as const;
