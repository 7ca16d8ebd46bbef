import { HOLIDAY_LIST_DOCTYPE, SLA_DOCTYPE } from '@helpdesk/sla-domain';
import { textNamedMeta } from '@helpdesk/shared-frappe-query';

/**
 * List and filter metadata of HD Service Level Agreement over `sla.hd_service_level_agreement`.
 * The child tables (`priorities`, `support_and_resolution`) are not list fields: they come with
 * the whole document.
 */
export const SLA_META = textNamedMeta(
  SLA_DOCTYPE,
  'sla.hd_service_level_agreement',
  'modified desc',
  [
    { fieldname: 'service_level', fieldtype: 'Data' },
    { fieldname: 'description', fieldtype: 'Data' },
    { fieldname: 'enabled', fieldtype: 'Check' },
    { fieldname: 'default_sla', fieldtype: 'Check' },
    { fieldname: 'priority', fieldtype: 'Int' },
    { fieldname: 'start_date', fieldtype: 'Date' },
    { fieldname: 'end_date', fieldtype: 'Date' },
    { fieldname: 'condition', fieldtype: 'Long Text' },
    { fieldname: 'condition_json', fieldtype: 'Long Text' },
    { fieldname: 'holiday_list', fieldtype: 'Link', options: HOLIDAY_LIST_DOCTYPE },
    { fieldname: 'default_priority', fieldtype: 'Link', options: 'HD Ticket Priority' },
    { fieldname: 'apply_sla_for_resolution', fieldtype: 'Check' },
    { fieldname: 'default_ticket_status', fieldtype: 'Link', options: 'HD Ticket Status' },
    { fieldname: 'ticket_reopen_status', fieldtype: 'Link', options: 'HD Ticket Status' },
    { fieldname: 'timezone', fieldtype: 'Data' },
  ],
);

/** List and filter metadata of HD Service Holiday List; `holidays` comes with the document. */
export const HOLIDAY_LIST_META = textNamedMeta(
  HOLIDAY_LIST_DOCTYPE,
  'sla.hd_service_holiday_list',
  'modified desc',
  [
    { fieldname: 'holiday_list_name', fieldtype: 'Data' },
    { fieldname: 'from_date', fieldtype: 'Date' },
    { fieldname: 'to_date', fieldtype: 'Date' },
    { fieldname: 'total_holidays', fieldtype: 'Int' },
    { fieldname: 'weekly_off', fieldtype: 'Select' },
    { fieldname: 'color', fieldtype: 'Data' },
    { fieldname: 'description', fieldtype: 'Small Text' },
  ],
);
