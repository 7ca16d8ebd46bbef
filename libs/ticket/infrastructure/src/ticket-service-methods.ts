import type { CatalogueDoctype } from '@helpdesk/ticket-catalogue-domain';
import {
  AgentHomeMethods,
  AssignTicketToAgent,
  AssignToMethods,
  hdTicketListDefaults,
  isAgent,
  RemoveAssignments,
  RunDocMethod,
  TicketDocMethods,
  TicketHistoryMethods,
  TicketSearchMethods,
  type ConversationDocuments,
  type GetTicketHandler,
  type MethodHandler,
  type OpenTicketHandler,
  type PeopleDirectory,
  type TicketCommands,
  type TicketHistoryReader,
} from '@helpdesk/ticket-application';
import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';
import { ListViewMethods, type ListViewDoctype } from '@helpdesk/shared-list-view';
import type { DataSource } from 'typeorm';
import { CATALOGUE_META } from './doctype-meta/catalogue.meta.js';
import { COMMUNICATION_META, HD_TICKET_COMMENT_META } from './doctype-meta/conversation.meta.js';
import { HD_TICKET_META } from './doctype-meta/hd-ticket.meta.js';
import type { MethodRegistry } from './method-messages.controller.js';
import { ticketApiMethods } from './ticket-api-methods.js';
import { PostgresAssignedTickets } from './assignment/postgres-assigned-tickets.js';
import { PostgresTicketSearch } from './search/postgres-ticket-search.js';
import { PostgresAgentHome } from './agent-home/postgres-agent-home.js';
import type { DoctypeRegistry } from './resource-messages.controller.js';

export interface TicketServiceMethodDependencies {
  read: GetTicketHandler;
  commands: TicketCommands;
  conversations: ConversationDocuments;
  doctypes: DoctypeRegistry;
  newId: () => string;
  restrictsByTeam: () => Promise<boolean>;
  history: TicketHistoryReader;
  /** agent-service's people as ticket-service knows them (avatars, contact cards, agents). */
  people: PeopleDirectory;
  timeZone: string;
  dataSource: DataSource;
  open: OpenTicketHandler;
}

const META: ReadonlyMap<string, DocTypeMeta> = new Map<string, DocTypeMeta>([
  ['HD Ticket', HD_TICKET_META],
  ['Communication', COMMUNICATION_META],
  ['HD Ticket Comment', HD_TICKET_COMMENT_META],
  ...(Object.entries(CATALOGUE_META) as [CatalogueDoctype, DocTypeMeta][]),
]);

const AGENT_HOME = 'helpdesk.api.agent_home.agent_home';

/** Every whitelisted method ticket-service answers, by its dotted name. */
export function ticketServiceMethods(deps: TicketServiceMethodDependencies): MethodRegistry {
  const { read, commands, conversations, doctypes, newId } = deps;
  const runDocMethod = new RunDocMethod(
    new Map([['HD Ticket', new TicketDocMethods(read, commands, conversations, newId)]]),
  );
  const assignments = new PostgresAssignedTickets(deps.dataSource, deps.timeZone);
  const listed = new Map<string, ListViewDoctype>();
  for (const [doctype, meta] of META) {
    const resource = doctypes.get(doctype);
    if (resource) listed.set(doctype, { resource, meta });
  }
  const tickets = listed.get('HD Ticket');
  if (tickets) {
    listed.set('HD Ticket', {
      ...tickets,
      defaults: hdTicketListDefaults,
      describesFields: true,
      hidesTeam: deps.restrictsByTeam,
      assignedTo: (user, condition) => assignments.assignedTickets(user, condition),
    });
  }
  const lists = new ListViewMethods(listed, { isAgent });
  const removeAssignments = new RemoveAssignments(read, commands);
  const history = new TicketHistoryMethods(read, deps.history, deps.timeZone);
  const assignToAgent = new AssignTicketToAgent(read, commands, deps.people);
  const assignTo = new AssignToMethods(read, commands, deps.people);
  const search = new TicketSearchMethods(new PostgresTicketSearch(deps.dataSource));
  const agentHome = new AgentHomeMethods(new PostgresAgentHome(deps.dataSource), deps.timeZone);
  return new Map<string, MethodHandler>([
    ['run_doc_method', (params, context) => runDocMethod.run(params, context)],
    [
      'helpdesk.api.ticket.assign_ticket_to_agent',
      (params, context) => assignToAgent.run(params, context),
    ],
    ['frappe.desk.form.assign_to.add', (params, context) => assignTo.add(params, context)],
    ['frappe.desk.form.assign_to.remove', (params, context) => assignTo.remove(params, context)],
    ...lists.registry(),
    [
      'helpdesk.api.doc.remove_assignments',
      (params, context) => removeAssignments.run(params, context),
    ],
    ['helpdesk.api.ticket.get_history', (params, context) => history.getHistory(params, context)],
    ['helpdesk.api.search.search', (params, context) => search.search(params, context)],
    [
      'helpdesk.api.search.get_filter_options',
      (_params, context) => search.getFilterOptions(context),
    ],
    [
      `${AGENT_HOME}.get_pending_tickets`,
      (params, context) => agentHome.getPendingTickets(params, context),
    ],
    [
      `${AGENT_HOME}.get_recent_activity`,
      (_params, context) => agentHome.getRecentActivity(context),
    ],
    ...ticketApiMethods(deps),
  ]);
}
