import type {
  ContactDetails,
  ContactEvent,
  CustomerEvent,
  CustomerMember,
  InvitationEvent,
} from '@helpdesk/agent-domain';
import type { Sql } from '@helpdesk/shared-event-store';

export type DirectoryEvent = ContactEvent | CustomerEvent | InvitationEvent;

/**
 * Contacts, HD Customers and User Invitations as agent-service reads them back, in the append's
 * transaction. Column names are literals here, never taken from an event.
 */
export async function projectDirectory(sql: Sql, name: string, event: DirectoryEvent) {
  const { at, by } = event.data;
  switch (event.type) {
    case 'ContactCreated':
      await sql.query(
        `INSERT INTO agent.contact (name, "user", full_name, creation, modified, modified_by, owner)
         VALUES ($1, $2, '', $3, $3, $4, $4)`,
        [name, event.data.user, at, by],
      );
      return contactDetails(sql, name, event.data);
    case 'ContactDetailsChanged':
      return contactDetails(sql, name, event.data);
    case 'ContactUserLinked':
      await sql.query(
        `UPDATE agent.contact SET "user" = $2, modified = $3, modified_by = $4 WHERE name = $1`,
        [name, event.data.user, at, by],
      );
      return;
    case 'ContactRemoved':
      await sql.query(`DELETE FROM agent.contact WHERE name = $1`, [name]);
      return;
    case 'CustomerCreated': {
      const d = event.data;
      await sql.query(
        `INSERT INTO agent.hd_customer (name, customer_name, customer_type, domain, image, country,
           primary_contact, email_id, mobile_no, creation, modified, modified_by, owner)
         VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $10)`,
        [
          name,
          d.customer_type,
          d.domain,
          d.image,
          d.country,
          d.primary_contact,
          d.email_id,
          d.mobile_no,
          at,
          by,
        ],
      );
      return replaceMembers(sql, name, d.contacts);
    }
    case 'CustomerDetailsChanged': {
      const c = event.data.changes;
      await sql.query(
        `UPDATE agent.hd_customer SET customer_type = COALESCE($2, customer_type),
           domain = CASE WHEN $3 THEN $4 ELSE domain END,
           image = CASE WHEN $5 THEN $6 ELSE image END,
           country = CASE WHEN $7 THEN $8 ELSE country END,
           modified = $9, modified_by = $10
         WHERE name = $1`,
        [
          name,
          c.customer_type ?? null,
          'domain' in c,
          c.domain ?? null,
          'image' in c,
          c.image ?? null,
          'country' in c,
          c.country ?? null,
          at,
          by,
        ],
      );
      return;
    }
    case 'CustomerContactsChanged':
      await touch(sql, 'agent.hd_customer', name, at, by);
      return replaceMembers(sql, name, event.data.contacts);
    case 'CustomerPrimaryContactChanged': {
      const { primary_contact, email_id, mobile_no } = event.data;
      await sql.query(
        `UPDATE agent.hd_customer SET primary_contact = $2, email_id = $3, mobile_no = $4,
           modified = $5, modified_by = $6 WHERE name = $1`,
        [name, primary_contact, email_id, mobile_no, at, by],
      );
      return;
    }
    case 'CustomerRemoved':
      await sql.query(`DELETE FROM agent.hd_customer WHERE name = $1`, [name]);
      return;
    case 'InvitationSent': {
      const d = event.data;
      await sql.query(
        `INSERT INTO agent.user_invitation (name, email, roles, app_name, redirect_to_path, status,
           invited_by, key_hash, expires_at, email_sent_at, contact, customer, creation, modified,
           modified_by, owner)
         VALUES ($1, $2, $3, $4, $5, 'Pending', $6, $7, $8, $9, $10, $11, $9, $9, $6, $6)`,
        [
          name,
          d.email,
          d.roles,
          d.app_name,
          d.redirect_to_path,
          by,
          d.key_hash,
          d.expires_at,
          at,
          d.contact,
          d.customer,
        ],
      );
      return;
    }
    case 'InvitationResent':
      await sql.query(
        `UPDATE agent.user_invitation SET status = 'Pending', key_hash = $2, expires_at = $3,
           email_sent_at = $4, modified = $4, modified_by = $5 WHERE name = $1`,
        [name, event.data.key_hash, event.data.expires_at, at, by],
      );
      return;
    case 'InvitationAccepted':
      await sql.query(
        `UPDATE agent.user_invitation SET status = 'Accepted', key_hash = NULL, accepted_at = $3,
           "user" = $2, modified = $3, modified_by = $4 WHERE name = $1`,
        [name, event.data.user, at, by],
      );
      return;
    case 'InvitationCancelled':
      await sql.query(
        `UPDATE agent.user_invitation SET status = 'Cancelled', key_hash = NULL, modified = $2,
           modified_by = $3 WHERE name = $1`,
        [name, at, by],
      );
      return;
  }
}

async function touch(sql: Sql, table: 'agent.hd_customer', name: string, at: string, by: string) {
  await sql.query(`UPDATE ${table} SET modified = $2, modified_by = $3 WHERE name = $1`, [
    name,
    at,
    by,
  ]);
}

async function contactDetails(
  sql: Sql,
  name: string,
  d: ContactDetails & { at: string; by: string },
): Promise<void> {
  await sql.query(
    `UPDATE agent.contact SET first_name = $2, last_name = $3, full_name = $4, company_name = $5,
       image = $6, email_id = $7, phone = $8, mobile_no = $9, modified = $10, modified_by = $11
     WHERE name = $1`,
    [
      name,
      d.first_name,
      d.last_name,
      d.full_name,
      d.company_name,
      d.image,
      d.email_id,
      d.phone,
      d.mobile_no,
      d.at,
      d.by,
    ],
  );
  await sql.query(`DELETE FROM agent.contact_email WHERE parent = $1`, [name]);
  await sql.query(
    `INSERT INTO agent.contact_email (parent, idx, email_id, is_primary)
     SELECT $1, r.idx, r.email_id, r.is_primary
       FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (email_id text, is_primary boolean))
         WITH ORDINALITY AS r(email_id, is_primary, idx)`,
    [name, JSON.stringify(d.email_ids)],
  );
  await sql.query(`DELETE FROM agent.contact_phone WHERE parent = $1`, [name]);
  await sql.query(
    `INSERT INTO agent.contact_phone (parent, idx, phone, is_primary_phone, is_primary_mobile_no)
     SELECT $1, r.idx, r.phone, r.is_primary_phone, r.is_primary_mobile_no
       FROM ROWS FROM (jsonb_to_recordset($2::jsonb)
         AS (phone text, is_primary_phone boolean, is_primary_mobile_no boolean))
         WITH ORDINALITY AS r(phone, is_primary_phone, is_primary_mobile_no, idx)`,
    [name, JSON.stringify(d.phone_nos)],
  );
}

async function replaceMembers(sql: Sql, customer: string, members: readonly CustomerMember[]) {
  await sql.query(`DELETE FROM agent.hd_customer_member WHERE parent = $1`, [customer]);
  await sql.query(
    `INSERT INTO agent.hd_customer_member (parent, idx, contact_name, is_manager)
     SELECT $1, r.idx, r.contact_name, r.is_manager
       FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (contact_name text, is_manager boolean))
         WITH ORDINALITY AS r(contact_name, is_manager, idx)`,
    [customer, JSON.stringify(members)],
  );
}
