import { textNamedMeta, type DocTypeMeta, type FieldMeta } from '@helpdesk/shared-frappe-query';
import type { PeopleDocType } from '@helpdesk/agent-application';
import {
  AGENT_STATUS_CATEGORIES,
  AGENT_STATUS_COLORS,
  FIELD_LAYOUT_TYPES,
} from '@helpdesk/agent-domain';

const meta = (doctype: PeopleDocType, table: string, defaultOrder: string, fields: FieldMeta[]) =>
  textNamedMeta(doctype, table, defaultOrder, fields);

/** List and filter metadata of agent-service's DocTypes; API keys and hashes are not fields. */
export const PEOPLE_META: Readonly<Record<PeopleDocType, DocTypeMeta>> = {
  User: meta('User', 'agent.users', 'modified desc', [
    { fieldname: 'email', fieldtype: 'Data' },
    { fieldname: 'first_name', fieldtype: 'Data' },
    { fieldname: 'last_name', fieldtype: 'Data' },
    { fieldname: 'full_name', fieldtype: 'Data' },
    { fieldname: 'enabled', fieldtype: 'Check' },
    { fieldname: 'user_type', fieldtype: 'Select' },
    { fieldname: 'user_image', fieldtype: 'Data' },
    { fieldname: 'time_zone', fieldtype: 'Select' },
  ]),
  'HD Agent': meta('HD Agent', 'agent.hd_agent', 'modified desc', [
    { fieldname: 'user', fieldtype: 'Link', options: 'User' },
    { fieldname: 'agent_name', fieldtype: 'Data', inStandardFilter: true },
    { fieldname: 'user_image', fieldtype: 'Data' },
    { fieldname: 'is_active', fieldtype: 'Check' },
    { fieldname: 'availability', fieldtype: 'Link', options: 'HD Agent Status' },
    { fieldname: 'availability_changed_on', fieldtype: 'Datetime' },
  ]),
  'HD Team': meta('HD Team', 'agent.hd_team', 'modified desc', [
    { fieldname: 'team_name', fieldtype: 'Data' },
    { fieldname: 'assignment_rule', fieldtype: 'Link', options: 'Assignment Rule' },
    { fieldname: 'ignore_restrictions', fieldtype: 'Check' },
    { fieldname: 'disabled', fieldtype: 'Check' },
  ]),
  Contact: meta('Contact', 'agent.contact', 'modified desc', [
    { fieldname: 'first_name', fieldtype: 'Data' },
    { fieldname: 'last_name', fieldtype: 'Data' },
    { fieldname: 'full_name', fieldtype: 'Data' },
    { fieldname: 'email_id', fieldtype: 'Data' },
    { fieldname: 'phone', fieldtype: 'Data' },
    { fieldname: 'mobile_no', fieldtype: 'Data' },
    { fieldname: 'image', fieldtype: 'Data' },
    { fieldname: 'user', fieldtype: 'Link', options: 'User' },
    { fieldname: 'company_name', fieldtype: 'Data' },
  ]),
  'HD Customer': meta('HD Customer', 'agent.hd_customer', 'modified desc', [
    { fieldname: 'customer_name', fieldtype: 'Data' },
    {
      fieldname: 'customer_type',
      fieldtype: 'Select',
      options: 'Company\nIndividual\nPartnership',
    },
    { fieldname: 'domain', fieldtype: 'Data', inStandardFilter: true },
    { fieldname: 'image', fieldtype: 'Data' },
    { fieldname: 'primary_contact', fieldtype: 'Link', options: 'Contact' },
    { fieldname: 'email_id', fieldtype: 'Data' },
    { fieldname: 'mobile_no', fieldtype: 'Data' },
    { fieldname: 'country', fieldtype: 'Link', options: 'Country' },
  ]),
  'HD Agent Status': meta('HD Agent Status', 'agent.hd_agent_status', 'status_order asc', [
    { fieldname: 'agent_status', fieldtype: 'Data' },
    { fieldname: 'status_order', fieldtype: 'Int' },
    { fieldname: 'category', fieldtype: 'Select', options: AGENT_STATUS_CATEGORIES.join('\n') },
    { fieldname: 'color', fieldtype: 'Select', options: AGENT_STATUS_COLORS.join('\n') },
    { fieldname: 'enable', fieldtype: 'Check' },
  ]),
  // Frappe's `layout` is a Code field; as text it is listed, filtered and ordered the same way.
  'HD Field Layout': meta('HD Field Layout', 'agent.hd_field_layout', 'modified desc', [
    { fieldname: 'document_type', fieldtype: 'Link', options: 'DocType' },
    { fieldname: 'user', fieldtype: 'Link', options: 'User' },
    { fieldname: 'type', fieldtype: 'Select', options: FIELD_LAYOUT_TYPES.join('\n') },
    { fieldname: 'apply_to_system', fieldtype: 'Check' },
    { fieldname: 'layout', fieldtype: 'Long Text' },
  ]),
};
