import {
  AGENTS,
  query,
  resource,
  type AuthorizationRow,
  type Cells,
  type Fixtures,
  type Persona,
  type RouteRequest,
} from './authorization-cells.js';

const DOCTYPE = 'HD Field Layout';
const LAYOUT = JSON.stringify([{ chart: 'ticket_count', layout: { x: 0, y: 0, w: 4, h: 2 } }]);
/**
 * Agent X's layout is theirs and System Managers' (`if_owner`): the manager persona holds
 * Helpdesk's Manager role, which is System Manager too, and Administrator; not the other agent.
 */
const OWNER_AND_SYSTEM_MANAGERS = (status = 200): Cells => [
  403,
  403,
  403,
  status,
  403,
  status,
  status,
];

/** The names of a user's layouts, as Administrator lists them. */
async function layoutsOf(f: Fixtures, user: string): Promise<string[]> {
  const listed = await f.admin('GET', resource(DOCTYPE) + query({ filters: { user } }));
  return (listed.body.data as { name: string }[]).map((row) => row.name);
}

/** Agent X's home dashboard layout, made for them by Administrator if they have none. */
async function agentXsLayout(f: Fixtures): Promise<string> {
  const [existing] = await layoutsOf(f, f.users.agentX);
  return existing ?? f.freshDoc(DOCTYPE, { user: f.users.agentX, layout: LAYOUT });
}

/** A persona saves a layout of their own, after Administrator cleared the one they had. */
async function ownLayout(f: Fixtures, persona: Persona): Promise<RouteRequest> {
  const user = f.users[persona];
  for (const name of await layoutsOf(f, user)) await f.admin('DELETE', resource(DOCTYPE, name));
  return { method: 'POST', path: resource(DOCTYPE), body: { user, layout: LAYOUT } };
}

/**
 * HD Field Layout, an agent's home dashboard (one per agent): agents list and save their own,
 * System Managers everyone's; another agent's layout is forbidden to them.
 */
export const FIELD_LAYOUT_ROWS: AuthorizationRow[] = [
  {
    route: `resource ${DOCTYPE} list`,
    request: () => ({ method: 'GET', path: resource(DOCTYPE) }),
    expect: AGENTS(),
  },
  {
    route: `resource ${DOCTYPE} create`,
    request: ownLayout,
    expect: AGENTS(),
  },
  {
    route: `resource ${DOCTYPE} get`,
    request: async (f) => ({ method: 'GET', path: resource(DOCTYPE, await agentXsLayout(f)) }),
    expect: OWNER_AND_SYSTEM_MANAGERS(),
  },
  {
    route: `resource ${DOCTYPE} update`,
    request: async (f) => ({
      method: 'PUT',
      path: resource(DOCTYPE, await agentXsLayout(f)),
      body: { layout: LAYOUT },
    }),
    expect: OWNER_AND_SYSTEM_MANAGERS(),
  },
  {
    route: `resource ${DOCTYPE} delete`,
    request: async (f) => ({ method: 'DELETE', path: resource(DOCTYPE, await agentXsLayout(f)) }),
    expect: OWNER_AND_SYSTEM_MANAGERS(202),
  },
];
