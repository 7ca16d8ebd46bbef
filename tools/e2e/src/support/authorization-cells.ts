import type { ApiCall } from './api-stack.js';

/**
 * Who calls: nobody, two portal customers of different HD Customers, an agent in the ticket's team
 * and one outside it (with HD Settings `restrict_tickets_by_agent_group` on), an agent manager
 * and Administrator (frappe-api §1.1.6, §1.18).
 */
export const PERSONAS = [
  'guest',
  'customerA',
  'customerB',
  'agentX',
  'agentOutside',
  'manager',
  'admin',
] as const;
export type Persona = (typeof PERSONAS)[number];

/**
 * The cell's call got past the permission check: any status but 401, 403 or 5xx. Only for cells
 * whose allowed call cannot cheaply be made valid.
 */
export const PASSES = 'passes';
export type Expected = number | typeof PASSES;

export interface RouteRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

/** The documents and people made in setup, and ways to make fresh ones for a single cell. */
export interface Fixtures {
  /** Each persona's user id (`Guest` for the guest). */
  users: Record<Persona, string>;
  /** Customer A's ticket, in team X, with a comment by agent X and a communication. */
  ticketA: string;
  commentA: string;
  communicationA: string;
  /** Customer A's Contact and the HD Customer A is a (plain) member of. */
  contactA: string;
  hdCustomerA: string;
  teamX: string;
  assignmentRule: string;
  /** An agent whose role managers may change, and a user nobody but managers may change. */
  roleTarget: string;
  userTarget: string;
  /** A string unique to this call, to name documents a cell creates. */
  fresh(prefix: string): string;
  /** A new ticket raised by customer A in team X (as a cell's own document to change or delete). */
  freshTicket(): Promise<{ name: string; communication: string }>;
  /** A new document made by Administrator through `POST /api/resource/<doctype>`; its name. */
  freshDoc(doctype: string, body: Record<string, unknown>): Promise<string>;
  /** A pending user invitation's name. */
  freshInvitation(): Promise<string>;
  admin: ApiCall;
}

export interface AuthorizationRow {
  /** `method <dotted.path>` or `resource <DocType> list|create|get|update|delete`. */
  route: string;
  request(fixtures: Fixtures, persona: Persona): RouteRequest | Promise<RouteRequest>;
  /** The status each persona gets, in the order of `PERSONAS`. */
  expect: readonly [Expected, Expected, Expected, Expected, Expected, Expected, Expected];
}

export const RESOURCE_OPERATIONS = ['list', 'create', 'get', 'update', 'delete'] as const;

export type Cells = AuthorizationRow['expect'];

// The common shapes of a row, shared by every area's rows.
/** Anyone signed in. */
export const SIGNED_IN = (status: Expected = 200): Cells => [
  403,
  status,
  status,
  status,
  status,
  status,
  status,
];
/** Everyone, guests too. */
export const ANYONE = (status: Expected = 200): Cells => [
  status,
  status,
  status,
  status,
  status,
  status,
  status,
];
/** Agents (any role that makes an agent). */
export const AGENTS = (status: Expected = 200): Cells => [
  403,
  403,
  403,
  status,
  status,
  status,
  status,
];
/** Agent managers (and System Managers, Administrator). */
export const MANAGERS = (status: Expected = 200): Cells => [
  403,
  403,
  403,
  403,
  403,
  status,
  status,
];
/** Administrator only. */
export const ADMIN_ONLY = (status: Expected = 200): Cells => [403, 403, 403, 403, 403, 403, status];
/** Whoever may read customer A's ticket: A, agents of its team, Administrator (§1.1.6). */
export const TICKET_READERS = (status: Expected = 200): Cells => [
  403,
  status,
  403,
  status,
  403,
  403,
  status,
];
/** Nobody, not even Administrator. */
export const NOBODY: Cells = [403, 403, 403, 403, 403, 403, 403];
/** Agents entitled to customer A's ticket: agent X and Administrator. */
export const TICKET_AGENTS = (status: Expected = 200): Cells => [
  403,
  403,
  403,
  status,
  403,
  403,
  status,
];

export const method = (name: string) => `/api/method/${name}`;
export const resource = (doctype: string, name?: string) =>
  `/api/resource/${encodeURIComponent(doctype)}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
export const query = (args: Record<string, unknown>) =>
  '?' +
  new URLSearchParams(
    Object.entries(args).map(([key, value]): [string, string] => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  ).toString();

export const post = (name: string, body: unknown = {}): RouteRequest => ({
  method: 'POST',
  path: method(name),
  body,
});
export const get = (name: string, args: Record<string, unknown> = {}): RouteRequest => ({
  method: 'GET',
  path: method(name) + (Object.keys(args).length ? query(args) : ''),
});
