import type { DocTypeMeta, FieldMeta } from '@helpdesk/shared-frappe-query';

type Extra = Pick<FieldMeta, 'options' | 'label' | 'hidden' | 'inStandardFilter'>;

const field = (fieldname: string, fieldtype: FieldMeta['fieldtype'], extra: Extra = {}) => ({
  fieldname,
  fieldtype,
  ...extra,
});

/**
 * Every HD Ticket field (frappe-api §1.1.2) plus Frappe's standard columns, as `ticket.hd_ticket`
 * stores them, with the labels and filter flags of hd_ticket.json that the list views show.
 */
export const HD_TICKET_META: DocTypeMeta = {
  doctype: 'HD Ticket',
  table: 'ticket.hd_ticket',
  nameType: 'int',
  defaultOrder: 'modified desc',
  fields: [
    field('name', 'Int', { label: 'ID' }),
    field('owner', 'Link', { options: 'User', label: 'Created By' }),
    field('creation', 'Datetime', { label: 'Created On' }),
    field('modified', 'Datetime', { label: 'Last Updated On' }),
    field('modified_by', 'Link', { options: 'User', label: 'Last Updated By' }),
    { fieldname: 'docstatus', fieldtype: 'Int', constant: 0 },
    { fieldname: 'idx', fieldtype: 'Int', constant: 0 },
    field('subject', 'Data', { inStandardFilter: true }),
    field('raised_by', 'Data', { options: 'Email', label: 'Raised By (Email)' }),
    field('status', 'Link', { options: 'HD Ticket Status' }),
    field('priority', 'Link', { options: 'HD Ticket Priority' }),
    field('ticket_type', 'Link', { options: 'HD Ticket Type' }),
    field('agent_group', 'Link', { options: 'HD Team', label: 'Team' }),
    field('ticket_split_from', 'Link', { options: 'HD Ticket' }),
    field('description', 'Text Editor'),
    field('template', 'Link', { options: 'HD Ticket Template' }),
    field('sla', 'Link', { options: 'HD Service Level Agreement', label: 'SLA' }),
    field('response_by', 'Datetime'),
    field('agreement_status', 'Select', {
      options: '\nFirst Response Due\nResolution Due\nFailed\nFulfilled\nPaused',
      label: 'SLA Status',
    }),
    field('resolution_by', 'Datetime'),
    field('service_level_agreement_creation', 'Datetime', { hidden: true }),
    field('on_hold_since', 'Datetime'),
    field('total_hold_time', 'Duration'),
    field('first_response_time', 'Duration'),
    field('first_responded_on', 'Datetime'),
    field('avg_response_time', 'Duration'),
    field('resolution_details', 'Text Editor'),
    field('opening_date', 'Date'),
    field('opening_time', 'Time'),
    field('resolution_date', 'Datetime'),
    field('resolution_time', 'Duration'),
    field('user_resolution_time', 'Duration'),
    field('contact', 'Link', { options: 'Contact' }),
    field('customer', 'Link', { options: 'HD Customer', inStandardFilter: true }),
    field('email_account', 'Link', { options: 'Email Account' }),
    field('via_customer_portal', 'Check'),
    field('attachment', 'Data', { hidden: true }),
    field('content_type', 'Data', { hidden: true }),
    field('feedback_extra', 'Long Text'),
    field('feedback', 'Link', { options: 'HD Ticket Feedback Option', label: 'Feedback (Option)' }),
    field('feedback_rating', 'Rating'),
    field('summary', 'Text Editor'),
    field('is_merged', 'Check'),
    field('merged_with', 'Link', { options: 'HD Ticket' }),
    field('key', 'Data'),
    field('status_category', 'Data'),
    field('last_agent_response', 'Datetime'),
    field('last_customer_response', 'Datetime'),
    field('raised_outside_working_hours', 'Check'),
    field('first_response_failed_by', 'Duration'),
    field('resolution_failed_by', 'Duration'),
    field('_assign', 'JSON', { label: 'Assigned To' }),
    field('_seen', 'JSON', { label: 'Seen By' }),
  ],
};
