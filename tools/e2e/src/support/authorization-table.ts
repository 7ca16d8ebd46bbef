import {
  ADMIN_ONLY,
  AGENTS,
  ANYONE,
  get,
  MANAGERS,
  NOBODY,
  post,
  resource,
  RESOURCE_OPERATIONS,
  SIGNED_IN,
  TICKET_AGENTS,
  TICKET_READERS,
  type AuthorizationRow,
  type Cells,
  type Fixtures,
  type Persona,
} from './authorization-cells.js';
import { KNOWLEDGE_ROWS } from './authorization-rows.knowledge.js';
import { SEARCH_ROWS } from './authorization-rows.search.js';
import { DASHBOARD_ROWS } from './authorization-rows.dashboard.js';
import { FIELD_LAYOUT_ROWS } from './authorization-rows.field-layout.js';

export * from './authorization-cells.js';
const TICKET_API = 'helpdesk.helpdesk.doctype.hd_ticket.api';
const COMMENT_API = 'helpdesk.helpdesk.doctype.hd_ticket_comment.hd_ticket_comment';
const INVITATION_MODULES = [
  'frappe.core.api.user_invitation',
  'frappe.core.doctype.user_invitation.user_invitation',
];

const methodRows: AuthorizationRow[] = [
  // ticket-service
  {
    route: 'method helpdesk.api.ticket.get_history',
    request: (f) => get('helpdesk.api.ticket.get_history', { ticket: f.ticketA }),
    expect: TICKET_READERS(),
  },
  {
    route: `method ${TICKET_API}.get_one`,
    request: (f) => get(`${TICKET_API}.get_one`, { name: f.ticketA }),
    expect: TICKET_READERS(),
  },
  ...[
    'get_ticket_activities',
    'get_ticket_contact',
    'get_ticket_assignees',
    'get_recent_similar_tickets',
  ].map((name): AuthorizationRow => ({
    route: `method ${TICKET_API}.${name}`,
    request: (f) => get(`${TICKET_API}.${name}`, { ticket: f.ticketA }),
    expect: TICKET_READERS(),
  })),
  {
    // Built on the caller's own list query, so anyone may ask; the list is theirs (§2.1).
    route: `method ${TICKET_API}.get_navigation_tickets`,
    request: (f) => get(`${TICKET_API}.get_navigation_tickets`, { ticket: f.ticketA }),
    expect: SIGNED_IN(),
  },
  {
    route: `method ${TICKET_API}.new`,
    request: (f, p) =>
      post(`${TICKET_API}.new`, {
        doc: { subject: `new by ${p}`, description: f.fresh('new') },
      }),
    expect: SIGNED_IN(),
  },
  {
    route: `method ${TICKET_API}.merge_ticket`,
    request: async (f) => {
      const [source, target] = [await f.freshTicket(), await f.freshTicket()];
      return post(`${TICKET_API}.merge_ticket`, { source: source.name, target: target.name });
    },
    expect: TICKET_AGENTS(),
  },
  {
    route: `method ${TICKET_API}.split_ticket`,
    request: async (f) => {
      const ticket = await f.freshTicket();
      return post(`${TICKET_API}.split_ticket`, {
        subject: 'split off',
        communication_id: ticket.communication,
      });
    },
    expect: TICKET_AGENTS(),
  },
  {
    route: 'method helpdesk.api.ticket.delete_ticket',
    request: async (f) =>
      post('helpdesk.api.ticket.delete_ticket', { name: (await f.freshTicket()).name }),
    expect: ADMIN_ONLY(),
  },
  {
    // @agent_only; per-ticket failures (no write permission) are only logged (§2.4).
    route: 'method helpdesk.api.ticket.bulk_reply',
    request: (f) =>
      post('helpdesk.api.ticket.bulk_reply', { ticket_ids: [f.ticketA], message: 'bulk' }),
    expect: AGENTS(),
  },
  {
    route: `method ${COMMENT_API}.toggle_reaction`,
    request: (f) => post(`${COMMENT_API}.toggle_reaction`, { comment: f.commentA, emoji: '👍' }),
    expect: TICKET_AGENTS(),
  },
  {
    route: `method ${COMMENT_API}.get_reactions`,
    request: (f) => get(`${COMMENT_API}.get_reactions`, { comment: f.commentA }),
    // A note the caller may not see is "Comment not found", as for one that does not exist.
    expect: [403, 417, 417, 200, 417, 417, 200],
  },
  {
    route: `method ${COMMENT_API}.get_preset_emojis`,
    request: () => get(`${COMMENT_API}.get_preset_emojis`),
    expect: SIGNED_IN(),
  },
  {
    route: 'method helpdesk.api.ticket.assign_ticket_to_agent',
    request: (f) =>
      post('helpdesk.api.ticket.assign_ticket_to_agent', {
        ticket_id: f.ticketA,
        agent_id: f.users.agentX,
      }),
    expect: TICKET_AGENTS(),
  },
  {
    route: 'method frappe.desk.form.assign_to.add',
    request: (f) =>
      post('frappe.desk.form.assign_to.add', {
        doctype: 'HD Ticket',
        name: f.ticketA,
        assign_to: [f.users.agentX],
      }),
    expect: TICKET_AGENTS(),
  },
  {
    route: 'method frappe.desk.form.assign_to.remove',
    request: (f) =>
      post('frappe.desk.form.assign_to.remove', {
        doctype: 'HD Ticket',
        name: f.ticketA,
        assign_to: f.roleTarget,
      }),
    expect: TICKET_AGENTS(),
  },
  // agent-service
  {
    route: 'method frappe.core.doctype.user.user.generate_keys',
    request: (f) => post('frappe.core.doctype.user.user.generate_keys', { user: f.userTarget }),
    expect: MANAGERS(),
  },
  {
    route: 'method helpdesk.api.agent.sent_invites',
    request: (f) =>
      post('helpdesk.api.agent.sent_invites', {
        emails: [`${f.fresh('invited')}@example.com`],
        send_welcome_mail_to_user: false,
      }),
    expect: AGENTS(),
  },
  {
    // Administrator has no HD Agent record: "No HD Agent record for current user" (§2.5).
    route: 'method helpdesk.api.agent.set_my_availability',
    request: () => post('helpdesk.api.agent.set_my_availability', { availability: 'Active' }),
    expect: [403, 403, 403, 200, 200, 200, 417],
  },
  {
    route: 'method helpdesk.api.auth.get_user',
    request: () => get('helpdesk.api.auth.get_user'),
    expect: SIGNED_IN(),
  },
  {
    route: 'method helpdesk.api.session.get_users',
    request: () => get('helpdesk.api.session.get_users'),
    expect: AGENTS(),
  },
  {
    route: 'method helpdesk.helpdesk.doctype.hd_team.hd_team.get_team_members',
    request: (f) =>
      get('helpdesk.helpdesk.doctype.hd_team.hd_team.get_team_members', { team: f.teamX }),
    expect: AGENTS(),
  },
  {
    route: 'method helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role',
    request: (f) =>
      post('helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role', {
        user: f.roleTarget,
        new_role: 'Agent',
      }),
    expect: MANAGERS(),
  },
  {
    route: 'method helpdesk.api.contact.search_contacts',
    request: () => get('helpdesk.api.contact.search_contacts', { txt: 'a' }),
    expect: SIGNED_IN(),
  },
  {
    route: 'method helpdesk.api.contact.create_contact',
    request: (f) =>
      post('helpdesk.api.contact.create_contact', { doc: { first_name: f.fresh('contact') } }),
    expect: AGENTS(),
  },
  {
    route: 'method helpdesk.api.contact.edit_contact',
    // Contacts are the agents' address book: a customer does not edit even their own.
    request: (f) => post('helpdesk.api.contact.edit_contact', { name: f.contactA, doc: {} }),
    expect: AGENTS(),
  },
  {
    route: 'method helpdesk.api.contact.get_contact_info',
    request: (f) => get('helpdesk.api.contact.get_contact_info', { name: f.contactA }),
    expect: [403, 200, 403, 200, 200, 200, 200],
  },
  {
    route: 'method helpdesk.api.contact.delete_contact',
    request: async (f) =>
      post('helpdesk.api.contact.delete_contact', {
        name: await f.freshDoc('Contact', { first_name: f.fresh('gone') }),
      }),
    expect: AGENTS(),
  },
  {
    route: 'method helpdesk.api.customer.create_customer',
    request: (f) =>
      post('helpdesk.api.customer.create_customer', {
        customer: { customer_name: f.fresh('Customer') },
      }),
    expect: MANAGERS(),
  },
  {
    route: 'method helpdesk.api.customer.delete_customer',
    request: async (f) =>
      post('helpdesk.api.customer.delete_customer', {
        name: await f.freshDoc('HD Customer', { customer_name: f.fresh('Gone') }),
      }),
    expect: MANAGERS(),
  },
  ...INVITATION_MODULES.flatMap((module): AuthorizationRow[] => [
    {
      route: `method ${module}.invite_by_email`,
      request: (f) =>
        post(`${module}.invite_by_email`, {
          emails: `${f.fresh('invitee')}@example.com`,
          roles: ['HD Customer'],
          redirect_to_path: '/helpdesk',
          app_name: 'helpdesk',
        }),
      expect: MANAGERS(),
    },
    {
      // Open to guests: the invitee has no credentials yet. A key nobody was sent is "Invalid key".
      route: `method ${module}.accept_invitation`,
      request: () => post(`${module}.accept_invitation`, { key: 'no-such-invitation-key' }),
      expect: ANYONE(417),
    },
    {
      route: `method ${module}.get_pending_invitations`,
      request: () => get(`${module}.get_pending_invitations`, { app_name: 'helpdesk' }),
      expect: MANAGERS(),
    },
    {
      route: `method ${module}.cancel_invitation`,
      request: async (f) =>
        post(`${module}.cancel_invitation`, {
          name: await f.freshInvitation(),
          app_name: 'helpdesk',
        }),
      expect: MANAGERS(),
    },
    {
      route: `method ${module}.resend_invitation`,
      request: async (f) =>
        post(`${module}.resend_invitation`, {
          name: await f.freshInvitation(),
          app_name: 'helpdesk',
        }),
      expect: MANAGERS(),
    },
  ]),
  // assignment-rule-service and sla-service
  {
    route: 'method helpdesk.api.assignment_rule.get_assignment_rules_list',
    request: () => get('helpdesk.api.assignment_rule.get_assignment_rules_list'),
    expect: AGENTS(),
  },
  {
    route:
      'method helpdesk.helpdesk.doctype.hd_service_holiday_list.hd_service_holiday_list.get_events',
    request: () =>
      get('helpdesk.helpdesk.doctype.hd_service_holiday_list.hd_service_holiday_list.get_events', {
        start: '2027-01-01',
        end: '2027-12-31',
      }),
    expect: AGENTS(),
  },
  // the gateway's own
  { route: 'method ping', request: () => get('ping'), expect: ANYONE() },
  {
    // Wrong credentials are 401 for anyone (§3.1); a session is never made here.
    route: 'method login',
    request: (f, p) =>
      post('login', { usr: p === 'guest' ? 'nobody@example.com' : f.users[p], pwd: 'wrong' }),
    expect: ANYONE(401),
  },
  { route: 'method logout', request: () => post('logout'), expect: ANYONE() },
  {
    route: 'method frappe.auth.get_logged_user',
    request: () => get('frappe.auth.get_logged_user'),
    expect: SIGNED_IN(),
  },
  {
    route: 'method frappe.client.get_list',
    request: () => get('frappe.client.get_list', { doctype: 'HD Ticket' }),
    expect: SIGNED_IN(),
  },
  {
    route: 'method frappe.client.get_count',
    request: () => get('frappe.client.get_count', { doctype: 'HD Ticket' }),
    expect: SIGNED_IN(),
  },
  {
    route: 'method frappe.desk.reportview.get_count',
    request: () => get('frappe.desk.reportview.get_count', { doctype: 'HD Ticket' }),
    expect: SIGNED_IN(),
  },
  {
    route: 'method frappe.client.get_value',
    request: (f) =>
      get('frappe.client.get_value', {
        doctype: 'HD Ticket',
        fieldname: 'subject',
        filters: f.ticketA,
      }),
    // Filters the caller's own list query: whoever may not read the ticket gets no value.
    expect: SIGNED_IN(),
  },
  {
    route: 'method frappe.client.get',
    request: (f) => get('frappe.client.get', { doctype: 'HD Ticket', name: f.ticketA }),
    expect: TICKET_READERS(),
  },
  {
    route: 'method frappe.client.insert',
    request: (f, p) =>
      post('frappe.client.insert', {
        doc: { doctype: 'HD Ticket', subject: `insert by ${p}`, description: f.fresh('insert') },
      }),
    expect: SIGNED_IN(),
  },
  {
    route: 'method frappe.client.set_value',
    request: (f) =>
      post('frappe.client.set_value', {
        doctype: 'HD Ticket',
        name: f.ticketA,
        fieldname: 'subject',
        value: 'A question',
      }),
    expect: TICKET_READERS(),
  },
  {
    route: 'method frappe.client.save',
    request: async (f) => {
      const current = await f.admin('GET', resource('HD Ticket', f.ticketA));
      return post('frappe.client.save', {
        doc: {
          doctype: 'HD Ticket',
          name: f.ticketA,
          subject: 'A question',
          modified: current.body.data.modified,
        },
      });
    },
    expect: TICKET_READERS(),
  },
  {
    route: 'method frappe.client.delete',
    request: async (f) =>
      post('frappe.client.delete', { doctype: 'HD Ticket', name: (await f.freshTicket()).name }),
    // Agents may delete tickets (HD Ticket's Agent permission), those they may see (§1.1.6).
    expect: TICKET_AGENTS(),
  },
  // by DocType
  {
    route: 'method run_doc_method',
    request: (f) =>
      post('run_doc_method', { dt: 'HD Ticket', dn: f.ticketA, method: 'mark_seen', args: {} }),
    expect: TICKET_READERS(),
  },
  ...['get_list_data', 'get_filterable_fields', 'get_quick_filters', 'sort_options'].map(
    (name): AuthorizationRow => ({
      route: `method helpdesk.api.doc.${name}`,
      request: () => post(`helpdesk.api.doc.${name}`, { doctype: 'HD Ticket' }),
      expect: SIGNED_IN(),
    }),
  ),
  {
    route: 'method helpdesk.api.doc.remove_assignments',
    request: (f) =>
      post('helpdesk.api.doc.remove_assignments', {
        doctype: 'HD Ticket',
        name: f.ticketA,
        assignees: [f.roleTarget],
      }),
    expect: TICKET_AGENTS(),
  },
];

interface ResourceSpec {
  doctype: string;
  /** The document `get`, `update` read and change (`update` sends `change`). */
  existing: (f: Fixtures) => string;
  change: (f: Fixtures) => Record<string, unknown>;
  /** A valid new document for `create`, and a fresh one (made by Administrator) to `delete`. */
  create: (
    f: Fixtures,
    persona: Persona,
  ) => Record<string, unknown> | Promise<Record<string, unknown>>;
  expect: Record<(typeof RESOURCE_OPERATIONS)[number], Cells>;
}

const catalogue = (
  doctype: string,
  nameField: string,
  existing: string,
  extra: Record<string, unknown> = {},
): ResourceSpec => ({
  doctype,
  existing: () => existing,
  change: () => ({}),
  create: (f) => ({ [nameField]: f.fresh(doctype.replace(/ /g, '')), ...extra }),
  expect: {
    list: SIGNED_IN(),
    create: MANAGERS(),
    get: SIGNED_IN(),
    update: MANAGERS(),
    delete: MANAGERS(202),
  },
});

const RESOURCES: ResourceSpec[] = [
  {
    doctype: 'HD Ticket',
    existing: (f) => f.ticketA,
    change: () => ({ subject: 'A question' }),
    create: (f, p) => ({ subject: `created by ${p}`, description: f.fresh('ticket') }),
    expect: {
      list: SIGNED_IN(),
      create: SIGNED_IN(),
      get: TICKET_READERS(),
      update: TICKET_READERS(),
      delete: TICKET_AGENTS(202),
    },
  },
  catalogue('HD Ticket Status', 'label_agent', 'Open', { category: 'Open' }),
  catalogue('HD Ticket Priority', 'name', 'Medium'),
  catalogue('HD Ticket Type', 'name', 'Unspecified'),
  catalogue('HD Ticket Feedback Option', 'label', 'Helpful', { rating: 0.8 }),
  {
    doctype: 'Communication',
    existing: (f) => f.communicationA,
    change: () => ({}),
    create: (f) => ({
      reference_doctype: 'HD Ticket',
      reference_name: f.ticketA,
      content: 'posted directly',
      communication_type: 'Communication',
      sent_or_received: 'Received',
    }),
    // Written only through the ticket's methods (replies), never directly.
    expect: {
      list: SIGNED_IN(),
      create: NOBODY,
      get: TICKET_READERS(),
      update: NOBODY,
      delete: NOBODY,
    },
  },
  {
    doctype: 'HD Ticket Comment',
    existing: (f) => f.commentA,
    change: () => ({}),
    create: (f) => ({ reference_ticket: f.ticketA, content: 'a note' }),
    expect: {
      list: AGENTS(),
      create: TICKET_AGENTS(),
      get: TICKET_AGENTS(),
      update: TICKET_AGENTS(),
      // Only its author deletes a note; the one deleted here is Administrator's.
      delete: ADMIN_ONLY(202),
    },
  },
  {
    doctype: 'User',
    existing: (f) => f.userTarget,
    change: () => ({}),
    create: (f) => ({ email: `${f.fresh('user')}@example.com`, first_name: 'New' }),
    // Any agent may bring in users (as `sent_invites` does), granting at most the Agent role.
    expect: {
      list: SIGNED_IN(),
      create: AGENTS(),
      get: AGENTS(),
      update: MANAGERS(),
      delete: NOBODY,
    },
  },
  {
    doctype: 'HD Agent',
    existing: (f) => f.roleTarget,
    change: () => ({}),
    create: async (f) => ({
      user: await f.freshDoc('User', { email: `${f.fresh('agent')}@example.com` }),
      agent_name: 'New Agent',
    }),
    expect: {
      list: AGENTS(),
      create: AGENTS(),
      get: AGENTS(),
      update: MANAGERS(),
      delete: MANAGERS(202),
    },
  },
  {
    doctype: 'HD Team',
    existing: (f) => f.teamX,
    change: () => ({}),
    create: (f) => ({ team_name: f.fresh('Team') }),
    expect: {
      list: SIGNED_IN(),
      create: MANAGERS(),
      get: SIGNED_IN(),
      update: MANAGERS(),
      delete: MANAGERS(202),
    },
  },
  {
    ...catalogue('HD Agent Status', 'agent_status', 'Active', { category: 'Away' }),
    expect: {
      list: AGENTS(),
      create: MANAGERS(),
      get: AGENTS(),
      update: MANAGERS(),
      delete: MANAGERS(202),
    },
  },
  {
    doctype: 'Contact',
    existing: (f) => f.contactA,
    change: () => ({}),
    create: (f) => ({ first_name: f.fresh('Contact') }),
    // Another customer's contact is not found rather than forbidden.
    expect: {
      list: SIGNED_IN(),
      create: AGENTS(),
      get: [403, 200, 404, 200, 200, 200, 200],
      update: AGENTS(),
      delete: AGENTS(202),
    },
  },
  {
    doctype: 'HD Customer',
    existing: (f) => f.hdCustomerA,
    change: () => ({}),
    create: (f) => ({ customer_name: f.fresh('Customer') }),
    expect: {
      list: SIGNED_IN(),
      create: MANAGERS(),
      get: [403, 200, 404, 200, 200, 200, 200],
      update: MANAGERS(),
      delete: MANAGERS(202),
    },
  },
  {
    doctype: 'Assignment Rule',
    existing: (f) => f.assignmentRule,
    change: () => ({}),
    create: (f) => ({
      name: f.fresh('Rule'),
      document_type: 'HD Ticket',
      rule: 'Round Robin',
      priority: 5,
      assign_condition: "status == 'Open'",
      users: [{ user: f.users.agentX }],
      assignment_days: [{ day: 'Monday' }],
    }),
    expect: {
      list: AGENTS(),
      create: MANAGERS(),
      get: AGENTS(),
      update: MANAGERS(),
      delete: MANAGERS(202),
    },
  },
  {
    doctype: 'HD Service Level Agreement',
    existing: () => 'Default',
    change: () => ({}),
    create: (f) => ({
      service_level: f.fresh('SLA'),
      description: 'made in a cell',
      holiday_list: 'Default',
      support_and_resolution: [{ workday: 'Monday', start_time: '08:00:00', end_time: '20:00:00' }],
      priorities: [
        { priority: 'High', response_time: 900, resolution_time: 3600, default_priority: 1 },
      ],
    }),
    expect: {
      list: AGENTS(),
      create: MANAGERS(),
      get: AGENTS(),
      update: MANAGERS(),
      delete: MANAGERS(202),
    },
  },
  {
    doctype: 'HD Service Holiday List',
    existing: () => 'Default',
    change: () => ({}),
    create: (f) => ({
      holiday_list_name: f.fresh('Holidays'),
      from_date: '2027-01-01',
      to_date: '2027-12-31',
    }),
    expect: {
      list: AGENTS(),
      create: MANAGERS(),
      get: AGENTS(),
      update: MANAGERS(),
      delete: MANAGERS(202),
    },
  },
  // Last: its delete, if it went through, would reset the settings the other rows rely on.
  {
    doctype: 'HD Settings',
    existing: () => 'HD Settings',
    change: () => ({ restrict_tickets_by_agent_group: 1 }),
    create: () => ({ brand_name: 'x' }),
    // A Single: never created or deleted; read by agents only (§1.16), portal users use get_config.
    expect: {
      list: AGENTS(),
      create: NOBODY,
      get: AGENTS(),
      update: MANAGERS(),
      delete: NOBODY,
    },
  },
];

const resourceRows: AuthorizationRow[] = RESOURCES.flatMap((spec): AuthorizationRow[] => [
  {
    route: `resource ${spec.doctype} list`,
    request: () => ({ method: 'GET', path: resource(spec.doctype) }),
    expect: spec.expect.list,
  },
  {
    route: `resource ${spec.doctype} create`,
    request: async (f, p) => ({
      method: 'POST',
      path: resource(spec.doctype),
      body: await spec.create(f, p),
    }),
    expect: spec.expect.create,
  },
  {
    route: `resource ${spec.doctype} get`,
    request: (f) => ({ method: 'GET', path: resource(spec.doctype, spec.existing(f)) }),
    expect: spec.expect.get,
  },
  {
    route: `resource ${spec.doctype} update`,
    request: (f) => ({
      method: 'PUT',
      path: resource(spec.doctype, spec.existing(f)),
      body: spec.change(f),
    }),
    expect: spec.expect.update,
  },
  {
    route: `resource ${spec.doctype} delete`,
    request: async (f, p) => {
      const doomed =
        spec.doctype === 'HD Ticket'
          ? (await f.freshTicket()).name
          : spec.doctype === 'Communication'
            ? (await f.freshTicket()).communication
            : spec.doctype === 'HD Settings'
              ? 'HD Settings'
              : spec.doctype === 'HD Ticket Comment'
                ? await f.freshDoc('HD Ticket Comment', {
                    reference_ticket: f.ticketA,
                    content: 'to delete',
                  })
                : await f.freshDoc(spec.doctype, await spec.create(f, p));
      return { method: 'DELETE', path: resource(spec.doctype, doomed) };
    },
    expect: spec.expect.delete,
  },
]);

/** One row per route: every route the API answers × every persona. */
export const AUTHORIZATION_TABLE: readonly AuthorizationRow[] = [
  ...methodRows,
  ...resourceRows,
  ...KNOWLEDGE_ROWS,
  ...SEARCH_ROWS,
  ...DASHBOARD_ROWS,
  ...FIELD_LAYOUT_ROWS,
];
