import { column, type ListColumn, type ListDefaults } from '@helpdesk/shared-list-view';

/** `HDTicket.default_list_data()` for agents. */
const AGENT_COLUMNS: readonly ListColumn[] = [
  column('ID', 'Int', 'name', '5rem'),
  column('Subject', 'Data', 'subject', '25rem'),
  column('Status', 'Select', 'status', '8rem'),
  column('First Response', 'Datetime', 'response_by', '8rem'),
  column('Resolution', 'Datetime', 'resolution_by', '8rem'),
  column('Assigned To', 'MultipleAvatar', '_assign', '8rem'),
  column('Customer', 'Link', 'customer', '8rem'),
  column('Priority', 'Select', 'priority', '8rem'),
  column('Type', 'Link', 'ticket_type', '8rem'),
  column('Team', 'Link', 'agent_group', '8rem'),
  column('Contact', 'Link', 'contact', '8rem'),
  column('Rating', 'Rating', 'feedback_rating', '8rem'),
  column('Created', 'Datetime', 'creation', '8rem'),
];

/** The customer portal's columns. */
const PORTAL_COLUMNS: readonly ListColumn[] = [
  column('ID', 'Int', 'name', '5rem'),
  column('Subject', 'Data', 'subject', '25rem'),
  column('Status', 'Select', 'status', '8rem'),
  column('Priority', 'Select', 'priority', '8rem'),
  column('First response', 'Datetime', 'response_by', '8rem'),
  column('Resolution', 'Datetime', 'resolution_by', '8rem'),
  column('Team', 'Link', 'agent_group', '8rem'),
  column('Created', 'Datetime', 'creation', '8rem'),
];

const ROWS = [
  'name',
  'subject',
  'status',
  'priority',
  'ticket_type',
  'agent_group',
  'contact',
  'agreement_status',
  'response_by',
  'resolution_by',
  'customer',
  'first_responded_on',
  'modified',
  'creation',
  '_assign',
  'resolution_date',
];

/** `HDTicket.default_list_data(show_customer_portal_fields)`. */
export function hdTicketListDefaults(portal: boolean): ListDefaults {
  return { columns: [...(portal ? PORTAL_COLUMNS : AGENT_COLUMNS)], rows: [...ROWS] };
}
