import type { PeopleEventV1 } from '@helpdesk/agent-contracts';
import type { Sql } from '@helpdesk/shared-event-store';
import { applyInDocumentOrder } from '@helpdesk/shared-messaging';

/**
 * Applies one published people event to ticket-service's copy, in each document's own order
 * (`ticket.people_version`).
 */
export function applyPeopleEvent(sql: Sql, event: PeopleEventV1): Promise<void> {
  return applyInDocumentOrder(sql, { schema: 'ticket', table: 'people_version' }, event, () =>
    apply(sql, event),
  );
}

async function apply(sql: Sql, event: PeopleEventV1): Promise<void> {
  const { name } = event;
  switch (event.type) {
    case 'helpdesk.people.v1.user-registered':
      await sql.query(
        `INSERT INTO ticket.people_user (name, full_name, user_image, enabled, roles)
         VALUES ($1, $2, $3, true, $4)
         ON CONFLICT (name) DO UPDATE SET full_name = $2, user_image = $3, enabled = true, roles = $4`,
        [name, event.data.full_name, event.data.user_image, event.data.roles],
      );
      return;
    case 'helpdesk.people.v1.user-profile-changed': {
      const { full_name, user_image } = event.data;
      return set(sql, 'ticket.people_user', name, { full_name, user_image });
    }
    case 'helpdesk.people.v1.user-enabled':
    case 'helpdesk.people.v1.user-disabled':
      return set(sql, 'ticket.people_user', name, {
        enabled: event.type === 'helpdesk.people.v1.user-enabled',
      });
    case 'helpdesk.people.v1.user-roles-changed':
      return set(sql, 'ticket.people_user', name, { roles: event.data.roles });
    case 'helpdesk.people.v1.agent-enrolled': {
      const d = event.data;
      await sql.query(
        `INSERT INTO ticket.people_agent
           (name, agent_name, user_image, is_active, availability, availability_changed_on)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (name) DO UPDATE SET agent_name = $2, user_image = $3, is_active = $4,
           availability = $5, availability_changed_on = $6`,
        [name, d.agent_name, d.user_image, d.is_active, d.availability, d.availability_changed_on],
      );
      return;
    }
    case 'helpdesk.people.v1.agent-profile-changed': {
      const { agent_name, user_image } = event.data;
      return set(sql, 'ticket.people_agent', name, { agent_name, user_image });
    }
    case 'helpdesk.people.v1.agent-activated':
    case 'helpdesk.people.v1.agent-deactivated':
      return set(sql, 'ticket.people_agent', name, {
        is_active: event.type === 'helpdesk.people.v1.agent-activated',
      });
    case 'helpdesk.people.v1.agent-availability-changed':
      return set(sql, 'ticket.people_agent', name, {
        availability: event.data.availability,
        availability_changed_on: event.data.availability_changed_on,
      });
    case 'helpdesk.people.v1.agent-removed':
      await sql.query(`DELETE FROM ticket.people_agent WHERE name = $1`, [name]);
      return;
    case 'helpdesk.people.v1.team-created':
      await sql.query(
        `INSERT INTO ticket.people_team (name, ignore_restrictions, disabled) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET ignore_restrictions = $2, disabled = $3`,
        [name, event.data.ignore_restrictions, event.data.disabled],
      );
      return replaceTeamMembers(sql, name, event.data.users);
    case 'helpdesk.people.v1.team-members-changed':
      return replaceTeamMembers(sql, name, event.data.users);
    case 'helpdesk.people.v1.team-restrictions-changed':
      return set(sql, 'ticket.people_team', name, {
        ignore_restrictions: event.data.ignore_restrictions,
      });
    case 'helpdesk.people.v1.team-disabled':
    case 'helpdesk.people.v1.team-enabled':
      return set(sql, 'ticket.people_team', name, {
        disabled: event.type === 'helpdesk.people.v1.team-disabled',
      });
    case 'helpdesk.people.v1.team-removed':
      await sql.query(`DELETE FROM ticket.people_team_member WHERE team = $1`, [name]);
      await sql.query(`DELETE FROM ticket.people_team WHERE name = $1`, [name]);
      return;
    case 'helpdesk.people.v1.contact-created':
    case 'helpdesk.people.v1.contact-changed': {
      const d = event.data;
      await sql.query(
        `INSERT INTO ticket.people_contact
           (name, full_name, email_id, phone, mobile_no, image, company_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (name) DO UPDATE SET full_name = $2, email_id = $3, phone = $4,
           mobile_no = $5, image = $6, company_name = $7`,
        [name, d.full_name, d.email_id, d.phone, d.mobile_no, d.image, d.company_name],
      );
      if ('user' in d) await set(sql, 'ticket.people_contact', name, { user_id: d.user });
      return;
    }
    case 'helpdesk.people.v1.contact-user-linked':
      return set(sql, 'ticket.people_contact', name, { user_id: event.data.user });
    case 'helpdesk.people.v1.contact-removed':
      await sql.query(`DELETE FROM ticket.people_contact WHERE name = $1`, [name]);
      return;
    case 'helpdesk.people.v1.customer-created':
    case 'helpdesk.people.v1.customer-contacts-changed':
      return replaceCustomerMembers(sql, name, event.data.contacts);
    case 'helpdesk.people.v1.customer-removed':
      return replaceCustomerMembers(sql, name, []);
    case 'helpdesk.people.v1.team-assignment-rule-linked':
    case 'helpdesk.people.v1.user-api-keys-issued':
    case 'helpdesk.people.v1.user-password-changed':
    case 'helpdesk.people.v1.customer-changed':
    case 'helpdesk.people.v1.customer-primary-contact-changed':
    case 'helpdesk.people.v1.invitation-sent':
    case 'helpdesk.people.v1.invitation-resent':
    case 'helpdesk.people.v1.invitation-accepted':
    case 'helpdesk.people.v1.invitation-cancelled':
      return;
  }
}

/**
 * Sets the given columns of one row; `undefined` values are left as they are. Column names are
 * the literal keys written above, never taken from the event.
 */
async function set(
  sql: Sql,
  table:
    'ticket.people_user' | 'ticket.people_agent' | 'ticket.people_team' | 'ticket.people_contact',
  name: string,
  values: Record<string, unknown>,
): Promise<void> {
  const columns = Object.keys(values).filter((column) => values[column] !== undefined);
  if (columns.length === 0) return;
  await sql.query(
    `UPDATE ${table} SET ${columns.map((column, i) => `${column} = $${i + 2}`).join(', ')}
      WHERE name = $1`,
    [name, ...columns.map((column) => values[column])],
  );
}

/** A customer's members after the change; who manages it decides what its contacts' users see. */
async function replaceCustomerMembers(
  sql: Sql,
  customer: string,
  members: readonly { contact_name: string; is_manager: boolean }[],
) {
  await sql.query(`DELETE FROM ticket.people_customer_member WHERE customer = $1`, [customer]);
  await sql.query(
    `INSERT INTO ticket.people_customer_member (customer, contact, is_manager)
     SELECT $1, m.contact_name, m.is_manager
       FROM jsonb_to_recordset($2::jsonb) AS m(contact_name text, is_manager boolean)`,
    [customer, JSON.stringify(members)],
  );
}

async function replaceTeamMembers(sql: Sql, team: string, users: readonly string[]) {
  await sql.query(`DELETE FROM ticket.people_team_member WHERE team = $1`, [team]);
  await sql.query(
    `INSERT INTO ticket.people_team_member (team, user_id) SELECT $1, unnest($2::text[])`,
    [team, users],
  );
}
