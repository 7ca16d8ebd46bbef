import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PostgresEventStore, withConnection } from '@helpdesk/shared-event-store';
import {
  CatalogueCommands,
  isAgent,
  OpenTicketHandler,
  TicketCommands,
  type RequestContext,
} from '@helpdesk/ticket-application';
import { CATALOGUE_SEEDS } from '@helpdesk/ticket-catalogue-domain';
import type { CreateTicketDto, TicketAudienceV1 } from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';
import { PostgresCatalogueReadModel } from './catalogue/postgres-catalogue-read-model.js';
import { PostgresTicketReadModel } from './postgres-ticket-read-model.js';
import {
  migratedTicketDatabase,
  type MigratedTicketDatabase,
} from './testing/migrated-ticket-database.js';
import { ticketAudience } from './ticket-audience.js';
import { TICKET_SCHEMA } from './ticket.migrations.js';

const ZONE = 'Europe/Berlin';

/** Everyone ticket-service knows, with the roles agent-service published for them. */
const USERS: Record<string, string[]> = {
  Administrator: ['Administrator'],
  'sam@help.example': ['System Manager'], // in no team; opens tickets for customers
  'bea@help.example': ['Agent'], // Billing
  'sal@help.example': ['Agent'], // Sales
  'oli@help.example': ['Agent'], // Oversight, which ignores restrictions
  'dan@help.example': ['Agent Manager'], // Legacy, a disabled team
  'nia@help.example': ['Agent'], // Night: ignores restrictions but is disabled
  'asa@help.example': ['Agent'], // in no team, assigned to the Billing ticket
  'rai@help.example': ['Agent'], // in no team, raises the ticket without a team
  'ida@help.example': ['Agent'], // in no team and on no ticket
  'amy@help.example': ['Agent'], // an agent whose contact manages Acme
  'tim@customer.example': ['HD Customer'], // a customer listed as a Billing member
  'jo@customer.example': ['HD Customer'], // raises tickets
  'cora@customer.example': [], // the Sales ticket's contact
  'mia@customer.example': ['HD Customer'], // manages Acme
  'pat@customer.example': ['HD Customer'], // a plain member of Acme
  'zed@customer.example': ['HD Customer'], // assigned to a ticket, which grants a customer nothing
  'kim@customer.example': ['HD Customer'], // on no ticket, in no customer
};

const TEAMS = [
  {
    name: 'Billing',
    ignore: false,
    disabled: false,
    users: ['bea@help.example', 'tim@customer.example'],
  },
  { name: 'Sales', ignore: false, disabled: false, users: ['sal@help.example'] },
  { name: 'Oversight', ignore: true, disabled: false, users: ['oli@help.example'] },
  { name: 'Legacy', ignore: false, disabled: true, users: ['dan@help.example'] },
  { name: 'Night', ignore: true, disabled: true, users: ['nia@help.example'] },
];

/** Contacts with users, and Acme's members: who manages it decides what its contacts' users see. */
const CONTACTS = [
  { name: 'Mia', user: 'mia@customer.example', acme: 'manager' },
  { name: 'Pat', user: 'pat@customer.example', acme: 'member' },
  { name: 'Amy', user: 'amy@help.example', acme: 'manager' },
  { name: 'cora@customer.example', user: 'cora@customer.example', acme: null },
] as const;

const viewer = (user: string): RequestContext => ({
  user,
  roles: USERS[user] ?? [],
  correlationId: `c-${user}`,
});

describe('ticket audience', () => {
  let db: MigratedTicketDatabase;
  let dataSource: DataSource;
  const store = new PostgresEventStore(TICKET_SCHEMA);
  const readModel = new PostgresTicketReadModel(ZONE);
  const catalogues = new PostgresCatalogueReadModel();
  let settings: CatalogueCommands;
  const tickets: Record<'billing' | 'noTeam' | 'legacy' | 'sales' | 'acme', number> = {
    billing: 0,
    noTeam: 0,
    legacy: 0,
    sales: 0,
    acme: 0,
  };

  const audience = (ticket: number) =>
    withConnection(dataSource, (sql) => ticketAudience(sql, ticket));

  const restrict = (byTeam: 0 | 1, openWithoutTeam: 0 | 1) =>
    settings.changeSettings(
      {
        restrict_tickets_by_agent_group: byTeam,
        do_not_restrict_tickets_without_an_agent_group: openWithoutTeam,
      },
      viewer('sam@help.example'),
    );

  before(async () => {
    db = await migratedTicketDatabase(8);
    dataSource = db.dataSource;
    settings = new CatalogueCommands(dataSource, store, catalogues);
    await settings.seed(CATALOGUE_SEEDS);

    for (const [name, roles] of Object.entries(USERS)) {
      await dataSource.query(`INSERT INTO ticket.people_user (name, roles) VALUES ($1, $2)`, [
        name,
        roles,
      ]);
    }
    for (const team of TEAMS) {
      await dataSource.query(
        `INSERT INTO ticket.people_team (name, ignore_restrictions, disabled) VALUES ($1, $2, $3)`,
        [team.name, team.ignore, team.disabled],
      );
      await dataSource.query(
        `INSERT INTO ticket.people_team_member (team, user_id) SELECT $1, unnest($2::text[])`,
        [team.name, team.users],
      );
    }
    for (const contact of CONTACTS) {
      await dataSource.query(`INSERT INTO ticket.people_contact (name, user_id) VALUES ($1, $2)`, [
        contact.name,
        contact.user,
      ]);
      if (contact.acme) {
        await dataSource.query(
          `INSERT INTO ticket.people_customer_member (customer, contact, is_manager)
           VALUES ('Acme', $1, $2)`,
          [contact.name, contact.acme === 'manager'],
        );
      }
    }

    const open = new OpenTicketHandler({
      dataSource,
      store,
      readModel,
      catalogues,
      timeZone: ZONE,
      newId: randomUUID,
    });
    const commands = new TicketCommands({
      dataSource,
      store,
      readModel,
      catalogues,
      timeZone: ZONE,
    });
    const opened = async (by: string, body: Omit<CreateTicketDto, 'subject'>) =>
      (await open.execute({ subject: `From ${by}`, ...body }, viewer(by))).name;

    // Only an agent may name a customer the raiser's contact is not linked to.
    tickets.billing = await opened('sam@help.example', {
      raised_by: 'jo@customer.example',
      agent_group: 'Billing',
      customer: 'Acme',
    });
    await commands.assign(tickets.billing, 'asa@help.example', viewer('sam@help.example'));
    tickets.noTeam = await opened('rai@help.example', {});
    await commands.assign(tickets.noTeam, 'zed@customer.example', viewer('sam@help.example'));
    tickets.legacy = await opened('jo@customer.example', { agent_group: 'Legacy' });
    tickets.sales = await opened('Administrator', {
      raised_by: 'visitor@elsewhere.example',
      contact: 'cora@customer.example',
      agent_group: 'Sales',
    });
    tickets.acme = await opened('sam@help.example', {
      raised_by: 'pat@customer.example',
      customer: 'Acme',
    });
  });

  after(async () => {
    await db?.close();
  });

  /**
   * Every (ticket, user) pair where the read model's row filter and the audience disagree, plus
   * how many pairs the filter lets through (so a scenario is known to exercise something).
   */
  const disagreements = async () => {
    const unknown = Math.max(...Object.values(tickets)) + 1000;
    const wrong: string[] = [];
    let visible = 0;
    for (const ticket of [...Object.values(tickets), unknown]) {
      const { agents, customers, everyAgent } = await audience(ticket);
      for (const user of [...Object.keys(USERS), 'visitor@elsewhere.example']) {
        const context = viewer(user);
        const reads =
          (await withConnection(dataSource, (sql) =>
            readModel.findDocument(sql, ticket, context),
          )) !== undefined;
        const admits =
          agents.includes(user) || customers.includes(user) || (everyAgent && isAgent(context));
        if (reads) visible += 1;
        if (reads !== admits) wrong.push(`#${ticket} ${user}: reads ${reads}, admitted ${admits}`);
      }
    }
    return { wrong, visible };
  };

  it('admits exactly who the ticket list lets read each ticket, in every HD Settings mode', async () => {
    const seen = new Set<number>();
    for (const [byTeam, openWithoutTeam] of [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ] as const) {
      await restrict(byTeam, openWithoutTeam);
      const { wrong, visible } = await disagreements();
      assert.deepEqual(wrong, [], `restrict=${byTeam} open_without_team=${openWithoutTeam}`);
      seen.add(visible);
    }
    assert.equal(seen.size, 3, 'unrestricted, restricted, and restricted but open without a team');
  });

  it('names the agents and customers of a ticket whose team restricts it', async () => {
    await restrict(1, 0);
    assert.deepEqual(await audience(tickets.billing), {
      ticket: tickets.billing,
      exists: true,
      everyAgent: false,
      // Billing's agent, the assignee outside it, the team that ignores restrictions and the
      // owner; not Billing's customer member, the disabled team, nor Acme's agent manager.
      agents: [
        'Administrator',
        'asa@help.example',
        'bea@help.example',
        'oli@help.example',
        'sam@help.example',
      ],
      assignees: ['asa@help.example'],
      // the raiser and Acme's manager; not Acme's plain member.
      customers: ['jo@customer.example', 'mia@customer.example'],
    } satisfies TicketAudienceV1);
    assert.deepEqual(await audience(tickets.legacy), {
      ticket: tickets.legacy,
      exists: true,
      everyAgent: false,
      agents: ['Administrator', 'oli@help.example'],
      assignees: [],
      customers: ['jo@customer.example'],
    });
    assert.deepEqual(await audience(tickets.sales), {
      ticket: tickets.sales,
      exists: true,
      everyAgent: false,
      agents: ['Administrator', 'oli@help.example', 'sal@help.example'],
      assignees: [],
      customers: ['cora@customer.example', 'visitor@elsewhere.example'],
    });
    assert.deepEqual(await audience(tickets.noTeam), {
      ticket: tickets.noTeam,
      exists: true,
      everyAgent: false,
      agents: ['Administrator', 'oli@help.example', 'rai@help.example'],
      // a customer assigned to a ticket is no assignee that hears of it
      assignees: [],
      customers: [],
    });
  });

  it('leaves team members out when every agent may read the ticket', async () => {
    await restrict(1, 1);
    assert.deepEqual(await audience(tickets.noTeam), {
      ticket: tickets.noTeam,
      exists: true,
      everyAgent: true,
      agents: ['Administrator', 'rai@help.example'],
      assignees: [],
      customers: [],
    });
    assert.equal((await audience(tickets.billing)).everyAgent, false);
    await restrict(0, 0);
    assert.deepEqual(await audience(tickets.billing), {
      ticket: tickets.billing,
      exists: true,
      everyAgent: true,
      agents: ['Administrator', 'asa@help.example', 'sam@help.example'],
      assignees: ['asa@help.example'],
      customers: ['jo@customer.example', 'mia@customer.example'],
    });
    assert.deepEqual(await audience(tickets.acme), {
      ticket: tickets.acme,
      exists: true,
      everyAgent: true,
      agents: ['Administrator', 'sam@help.example'],
      assignees: [],
      customers: ['mia@customer.example', 'pat@customer.example'],
    });
  });

  it('says a ticket that does not exist has no audience', async () => {
    assert.deepEqual(await audience(987654), {
      ticket: 987654,
      exists: false,
      everyAgent: false,
      agents: [],
      assignees: [],
      customers: [],
    });
  });
});
