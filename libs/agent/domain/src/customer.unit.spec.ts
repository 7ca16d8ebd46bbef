import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PeopleRuleViolation, type PeopleViolationKind } from './agent-rule-violation.js';
import type { CommandContext } from './command-context.js';
import type { CustomerCommand, CustomerContext } from './hd-customer/customer.commands.js';
import { decideCustomer } from './hd-customer/customer.decide.js';
import type { CustomerEvent } from './hd-customer/customer.events.js';
import { evolveCustomer } from './hd-customer/customer.evolve.js';
import { NO_CUSTOMER } from './hd-customer/customer.state.js';
import type {
  InvitationCommand,
  InvitationContext,
} from './user-invitation/invitation.commands.js';
import { decideInvitation } from './user-invitation/invitation.decide.js';
import type { InvitationEvent } from './user-invitation/invitation.events.js';
import { evolveInvitation } from './user-invitation/invitation.evolve.js';
import { NO_INVITATION, invitationStatus } from './user-invitation/invitation.state.js';
import { decideUser } from './user/user.decide.js';
import { evolveUser } from './user/user.evolve.js';
import { NO_USER } from './user/user.state.js';

const at = '2026-11-21T10:00:00.000Z';
const MANAGER: CommandContext = { actor: 'lead@example.com', roles: ['Agent Manager'], at };
const AGENT: CommandContext = { actor: 'ann@example.com', roles: ['Agent'], at };
const refused = (kind: PeopleViolationKind, message?: RegExp) => (error: unknown) =>
  error instanceof PeopleRuleViolation &&
  error.kind === kind &&
  (message === undefined || message.test(error.message));

const CONTACTS = new Map([
  ['Jane', { email_id: 'jane@acme.com', mobile_no: '+15550100' }],
  ['Joe', { email_id: 'joe@acme.com', mobile_no: null }],
]);
const customerContext = (base = MANAGER, managesCustomer = false): CustomerContext => ({
  ...base,
  contactDetails: (name) => CONTACTS.get(name),
  managesCustomer,
});
const after = (events: CustomerEvent[]) => events.reduce(evolveCustomer, NO_CUSTOMER);
const when = (given: CustomerEvent[], command: CustomerCommand) =>
  decideCustomer(command, after(given));
const acme = (): CustomerEvent[] =>
  decideCustomer(
    {
      type: 'CreateCustomer',
      customer_name: ' Acme ',
      fields: {
        domain: 'acme.com',
        contacts: [
          { contact_name: 'Jane', is_manager: false },
          { contact_name: 'Joe', is_manager: false },
        ],
        primary_contact: 'Jane',
      },
      context: customerContext(),
    },
    NO_CUSTOMER,
  );

describe('HD Customer', () => {
  it('forces the primary contact to manager and fetches its address and mobile number', () => {
    const state = after(acme());
    assert.equal(state.kind, 'present');
    if (state.kind !== 'present') return;
    assert.equal(state.customer.name, 'Acme');
    assert.equal(state.customer.customer_type, 'Company');
    assert.deepEqual(state.customer.contacts, [
      { contact_name: 'Jane', is_manager: true },
      { contact_name: 'Joe', is_manager: false },
    ]);
    assert.equal(state.customer.email_id, 'jane@acme.com');
    assert.equal(state.customer.mobile_no, '+15550100');
  });

  it("refuses duplicate members, an unlisted primary, unknown contacts and agents' writes", () => {
    const create = (fields: object, context = customerContext()): CustomerCommand => ({
      type: 'CreateCustomer',
      customer_name: 'Globex',
      fields,
      context,
    });
    const jane = { contact_name: 'Jane', is_manager: false };
    assert.throws(
      () => decideCustomer(create({ contacts: [jane, jane] }), NO_CUSTOMER),
      refused('invalid', /^Duplicate contacts are not allowed$/),
    );
    assert.throws(
      () => decideCustomer(create({ contacts: [jane], primary_contact: 'Joe' }), NO_CUSTOMER),
      refused('invalid', /^Primary contact must be one of the listed contacts$/),
    );
    assert.throws(
      () =>
        decideCustomer(
          create({ contacts: [{ contact_name: 'Ghost', is_manager: false }] }),
          NO_CUSTOMER,
        ),
      refused('link', /Ghost/),
    );
    assert.throws(
      () => decideCustomer(create({}, customerContext(AGENT)), NO_CUSTOMER),
      refused('permission'),
    );
    assert.throws(() => when(acme(), create({})), refused('duplicate'));
    assert.throws(
      () => decideCustomer(create({ customer_type: 'Club' }), NO_CUSTOMER),
      refused('invalid', /Customer Type cannot be "Club"/),
    );
  });

  it('records who joined, who left and whose manager flag flipped', () => {
    const [event] = when(acme(), {
      type: 'EditCustomer',
      changes: {
        contacts: [
          { contact_name: 'Jane', is_manager: true },
          { contact_name: 'Joe', is_manager: true },
        ],
      },
      context: customerContext(),
    });
    assert.equal(event?.type, 'CustomerContactsChanged');
    if (event?.type !== 'CustomerContactsChanged') return;
    assert.deepEqual(event.data.manager_changed, [{ contact_name: 'Joe', is_manager: true }]);
    assert.deepEqual(event.data.added, []);
  });

  it('an HD Customer Manager writes their own customer only', () => {
    const portal = { actor: 'jane@acme.com', roles: ['HD Customer', 'HD Customer Manager'], at };
    const edit = (manages: boolean): CustomerCommand => ({
      type: 'EditCustomer',
      changes: { domain: 'acme.org' },
      context: customerContext(portal, manages),
    });
    assert.deepEqual(
      when(acme(), edit(true)).map((e) => e.type),
      ['CustomerDetailsChanged'],
    );
    assert.throws(() => when(acme(), edit(false)), refused('permission'));
  });

  it('a removed member leaves the primary slot empty', () => {
    const events = when(acme(), {
      type: 'RemoveCustomerMember',
      contact_name: 'Jane',
      context: customerContext(AGENT),
    });
    const state = after([...acme(), ...events]);
    assert.equal(state.kind === 'present' && state.customer.primary_contact, null);
    assert.equal(state.kind === 'present' && state.customer.email_id, null);
    assert.deepEqual(
      events.map((e) => e.type),
      ['CustomerContactsChanged', 'CustomerPrimaryContactChanged'],
    );
  });
});

const expires = '2026-11-24T10:00:00.000Z';
const inviteContext = (
  base = MANAGER,
  extra: Partial<InvitationContext> = {},
): InvitationContext => ({
  ...base,
  userEnabled: undefined,
  pendingElsewhere: false,
  acceptedElsewhere: false,
  ...extra,
});
const invite = (roles: string[], context = inviteContext()): InvitationCommand => ({
  type: 'SendInvitation',
  name: 'inv1',
  email: 'New@Acme.com',
  roles,
  app_name: 'helpdesk',
  redirect_to_path: '/helpdesk',
  contact: null,
  customer: 'Acme',
  key_hash: 'hash-1',
  expires_at: expires,
  context,
});
const invitationAfter = (events: InvitationEvent[]) =>
  events.reduce(evolveInvitation, NO_INVITATION);
const sent = () => decideInvitation(invite(['HD Customer']), NO_INVITATION);

describe('User Invitation', () => {
  it('is sent by managers, only with roles they may grant, never twice for one address', () => {
    const state = invitationAfter(sent());
    assert.equal(state.kind === 'present' && state.invitation.status, 'Pending');
    assert.equal(state.kind === 'present' && state.invitation.email, 'new@acme.com');
    assert.throws(
      () => decideInvitation(invite(['Agent'], inviteContext(AGENT)), NO_INVITATION),
      refused('permission'),
    );
    assert.throws(
      () => decideInvitation(invite(['System Manager']), NO_INVITATION),
      refused('invalid', /System Manager is not an allowed role for helpdesk/),
    );
    assert.throws(
      () =>
        decideInvitation(
          invite(['Agent'], inviteContext(MANAGER, { pendingElsewhere: true })),
          NO_INVITATION,
        ),
      refused('invalid', /^Invitation already exists$/),
    );
    assert.throws(
      () =>
        decideInvitation(
          invite(['Agent'], inviteContext(MANAGER, { userEnabled: false })),
          NO_INVITATION,
        ),
      refused('invalid', /^User is disabled$/),
    );
  });

  it('is accepted once, with its key, before it expires', () => {
    const accept = (key_hash: string, when = at): InvitationCommand => ({
      type: 'AcceptInvitation',
      key_hash,
      context: { actor: 'new@acme.com', roles: [], at: when },
    });
    const state = invitationAfter(sent());
    assert.throws(
      () => decideInvitation(accept('other'), state),
      refused('invalid', /^Invalid key$/),
    );
    assert.throws(
      () => decideInvitation(accept('hash-1', '2026-11-25T00:00:00.000Z'), state),
      refused('invalid', /^Invitation is expired$/),
    );
    const accepted = decideInvitation(accept('hash-1'), state);
    const done = invitationAfter([...sent(), ...accepted]);
    assert.equal(done.kind === 'present' && done.invitation.status, 'Accepted');
    assert.equal(done.kind === 'present' && done.invitation.key_hash, null);
    assert.throws(
      () => decideInvitation(accept('hash-1'), done),
      refused('invalid', /^Invalid key$/),
    );
  });

  it('expires by the clock; a resend renews it with a new key; a cancel is final', () => {
    const state = invitationAfter(sent());
    if (state.kind !== 'present') return assert.fail();
    assert.equal(invitationStatus(state.invitation, '2026-11-25T00:00:00.000Z'), 'Expired');
    const later = { ...MANAGER, at: '2026-11-25T00:00:00.000Z' };
    const resent = decideInvitation(
      {
        type: 'ResendInvitation',
        key_hash: 'hash-2',
        expires_at: '2026-11-28T00:00:00.000Z',
        context: later,
      },
      state,
    );
    const renewed = invitationAfter([...sent(), ...resent]);
    if (renewed.kind !== 'present') return assert.fail();
    assert.equal(invitationStatus(renewed.invitation, later.at), 'Pending');
    assert.equal(renewed.invitation.key_hash, 'hash-2');
    const cancelled = decideInvitation({ type: 'CancelInvitation', context: MANAGER }, renewed);
    const gone = invitationAfter([...sent(), ...resent, ...cancelled]);
    assert.deepEqual(decideInvitation({ type: 'CancelInvitation', context: MANAGER }, gone), []);
    assert.throws(
      () => decideInvitation({ type: 'CancelInvitation', context: AGENT }, renewed),
      refused('permission'),
    );
  });

  it('gives its invitee a first API key pair, and nobody else', () => {
    const user = decideUser(
      { type: 'RegisterUser', email: 'new@acme.com', roles: ['HD Customer'], context: MANAGER },
      NO_USER,
    ).reduce(evolveUser, NO_USER);
    const accepted = invitationAfter([
      ...sent(),
      ...decideInvitation(
        {
          type: 'AcceptInvitation',
          key_hash: 'hash-1',
          context: { actor: 'new@acme.com', roles: [], at },
        },
        invitationAfter(sent()),
      ),
    ]);
    if (accepted.kind !== 'present') return assert.fail();
    const issue = (context: CommandContext) =>
      decideUser(
        {
          type: 'IssueApiKeys',
          api_key: 'k',
          api_secret_hash: 'h',
          acceptedInvitation: accepted.invitation,
          context,
        },
        user,
      );
    assert.equal(issue({ actor: 'new@acme.com', roles: [], at }).length, 1);
    const pending = invitationAfter(sent());
    if (pending.kind !== 'present') return assert.fail();
    assert.throws(
      () =>
        decideUser(
          {
            type: 'IssueApiKeys',
            api_key: 'k',
            api_secret_hash: 'h',
            acceptedInvitation: pending.invitation,
            context: { actor: 'new@acme.com', roles: [], at },
          },
          user,
        ),
      refused('permission'),
    );
  });
});
