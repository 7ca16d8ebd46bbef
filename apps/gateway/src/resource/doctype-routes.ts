import {
  AGENT_SERVICE,
  AGENT_SERVICE_DOCTYPES,
  CreateHdAgentDto,
  CreateHdTeamDto,
  CreateUserDto,
} from '@helpdesk/agent-contracts';
import { ASSIGNMENT_SERVICE, ASSIGNMENT_SERVICE_DOCTYPES } from '@helpdesk/assignment-contracts';
import { KNOWLEDGE_SERVICE, KNOWLEDGE_SERVICE_DOCTYPES } from '@helpdesk/knowledge-contracts';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { SLA_SERVICE, SLA_SERVICE_DOCTYPES } from '@helpdesk/sla-contracts';
import {
  CreateTicketDto,
  TICKET_SERVICE,
  TICKET_SERVICE_DOCTYPES,
} from '@helpdesk/ticket-contracts';

export interface DoctypeRoute {
  /** The service whose `<service>.resource.<op>` subjects answer for this DocType. */
  service: string;
  /** Validated here too, so a malformed create fails fast at the edge. */
  createDto?: new () => object;
}

const ROUTES: ReadonlyMap<string, DoctypeRoute> = new Map<string, DoctypeRoute>([
  ...TICKET_SERVICE_DOCTYPES.map((doctype): [string, DoctypeRoute] => [
    doctype,
    { service: TICKET_SERVICE },
  ]),
  ['HD Ticket', { service: TICKET_SERVICE, createDto: CreateTicketDto }],
  ...AGENT_SERVICE_DOCTYPES.map((doctype): [string, DoctypeRoute] => [
    doctype,
    { service: AGENT_SERVICE },
  ]),
  ['User', { service: AGENT_SERVICE, createDto: CreateUserDto }],
  ['HD Agent', { service: AGENT_SERVICE, createDto: CreateHdAgentDto }],
  ['HD Team', { service: AGENT_SERVICE, createDto: CreateHdTeamDto }],
  ...ASSIGNMENT_SERVICE_DOCTYPES.map((doctype): [string, DoctypeRoute] => [
    doctype,
    { service: ASSIGNMENT_SERVICE },
  ]),
  ...SLA_SERVICE_DOCTYPES.map((doctype): [string, DoctypeRoute] => [
    doctype,
    { service: SLA_SERVICE },
  ]),
  ...KNOWLEDGE_SERVICE_DOCTYPES.map((doctype): [string, DoctypeRoute] => [
    doctype,
    { service: KNOWLEDGE_SERVICE },
  ]),
]);

/** Which service owns a DocType; unknown DocTypes are Frappe's 404. */
export function routeFor(doctype: unknown): DoctypeRoute & { doctype: string } {
  const route = typeof doctype === 'string' ? ROUTES.get(doctype) : undefined;
  if (!route) throw new FrappeError('DoesNotExistError', `DocType ${String(doctype)} not found`);
  return { ...route, doctype: doctype as string };
}
