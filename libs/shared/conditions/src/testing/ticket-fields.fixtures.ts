import type { TicketFields } from '../evaluate-condition.js';

/** A saved ticket: every field present, empty ones null, as Frappe's `as_dict` has them. */
export function ticket(fields: Record<string, unknown> = {}): TicketFields {
  return {
    name: '42',
    subject: 'Printer on fire',
    status: 'Open',
    status_category: 'Open',
    priority: 'Medium',
    ticket_type: 'Unspecified',
    agent_group: null,
    raised_by: 'jane@customer.com',
    customer: null,
    via_customer_portal: 0,
    ...fields,
  };
}
