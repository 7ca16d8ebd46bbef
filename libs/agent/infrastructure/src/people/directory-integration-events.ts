import type { PeopleEventV1 } from '@helpdesk/agent-contracts';
import type { ContactEvent, CustomerEvent, InvitationEvent } from '@helpdesk/agent-domain';

interface Envelope {
  id: string;
  name: string;
  version: number;
  occurredAt: string;
  actor: string | null;
  correlationId: string | null;
}

const none = {} as Record<string, never>;

/**
 * The public v1 form of Contact, HD Customer and User Invitation events. An invitation's key hash
 * stays private; the mail with its link is in agent-service's mail queue.
 */
export function directoryEventV1(
  envelope: Envelope,
  event: ContactEvent | CustomerEvent | InvitationEvent,
): PeopleEventV1 {
  const contact = { ...envelope, doctype: 'Contact' } as const;
  const customer = { ...envelope, doctype: 'HD Customer' } as const;
  const invitation = { ...envelope, doctype: 'User Invitation' } as const;
  switch (event.type) {
    case 'ContactCreated': {
      const { at: _at, by: _by, name: _name, ...data } = event.data;
      return { ...contact, type: 'helpdesk.people.v1.contact-created', data };
    }
    case 'ContactDetailsChanged': {
      const { at: _at, by: _by, ...data } = event.data;
      return { ...contact, type: 'helpdesk.people.v1.contact-changed', data };
    }
    case 'ContactUserLinked':
      return {
        ...contact,
        type: 'helpdesk.people.v1.contact-user-linked',
        data: { user: event.data.user },
      };
    case 'ContactRemoved':
      return {
        ...contact,
        type: 'helpdesk.people.v1.contact-removed',
        data: event.data.delete_tickets ? { delete_tickets: true } : none,
      };
    case 'CustomerCreated': {
      const { at: _at, by: _by, ...data } = event.data;
      return { ...customer, type: 'helpdesk.people.v1.customer-created', data };
    }
    case 'CustomerDetailsChanged':
      return { ...customer, type: 'helpdesk.people.v1.customer-changed', data: event.data.changes };
    case 'CustomerContactsChanged': {
      const { contacts, added, removed, manager_changed } = event.data;
      return {
        ...customer,
        type: 'helpdesk.people.v1.customer-contacts-changed',
        data: { contacts, added, removed, manager_changed },
      };
    }
    case 'CustomerPrimaryContactChanged': {
      const { primary_contact, email_id, mobile_no } = event.data;
      return {
        ...customer,
        type: 'helpdesk.people.v1.customer-primary-contact-changed',
        data: { primary_contact, email_id, mobile_no },
      };
    }
    case 'CustomerRemoved':
      return {
        ...customer,
        type: 'helpdesk.people.v1.customer-removed',
        data: event.data.delete_tickets ? { delete_tickets: true } : none,
      };
    case 'InvitationSent': {
      const { at: _at, by, name: _name, key_hash: _hash, ...data } = event.data;
      return {
        ...invitation,
        type: 'helpdesk.people.v1.invitation-sent',
        data: { ...data, invited_by: by },
      };
    }
    case 'InvitationResent':
      return {
        ...invitation,
        type: 'helpdesk.people.v1.invitation-resent',
        data: { expires_at: event.data.expires_at },
      };
    case 'InvitationAccepted':
      return {
        ...invitation,
        type: 'helpdesk.people.v1.invitation-accepted',
        data: { user: event.data.user },
      };
    case 'InvitationCancelled':
      return { ...invitation, type: 'helpdesk.people.v1.invitation-cancelled', data: none };
  }
}
