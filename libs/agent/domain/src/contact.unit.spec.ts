import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PeopleRuleViolation, type PeopleViolationKind } from './agent-rule-violation.js';
import type { CommandContext } from './command-context.js';
import { contactName } from './contact/contact-name.js';
import type { ContactCommand, ContactContext } from './contact/contact.commands.js';
import { decideContact } from './contact/contact.decide.js';
import type { ContactEvent } from './contact/contact.events.js';
import { evolveContact } from './contact/contact.evolve.js';
import { NO_CONTACT } from './contact/contact.state.js';

const at = '2026-11-21T10:00:00.000Z';
const agent = (base: Partial<CommandContext> = {}): ContactContext => ({
  actor: 'ann@example.com',
  roles: ['Agent'],
  at,
  isUser: (name) => name === 'jane@acme.com',
  ...base,
});
const refused = (kind: PeopleViolationKind, message?: RegExp) => (error: unknown) =>
  error instanceof PeopleRuleViolation &&
  error.kind === kind &&
  (message === undefined || message.test(error.message));

const after = (events: ContactEvent[]) => events.reduce(evolveContact, NO_CONTACT);
const when = (given: ContactEvent[], command: ContactCommand) =>
  decideContact(command, after(given));
const jane = (): ContactEvent[] =>
  decideContact(
    {
      type: 'CreateContact',
      name: 'Jane Doe',
      details: {
        first_name: ' Jane ',
        last_name: 'Doe',
        email_ids: [{ email_id: 'Jane@Acme.com', is_primary: true }],
        phone_nos: [
          { phone: '+44 20 7946 0000', is_primary_phone: true, is_primary_mobile_no: true },
        ],
      },
      context: agent(),
    },
    NO_CONTACT,
  );

describe('Contact', () => {
  it('takes its primary address and numbers from the child rows and joins the full name', () => {
    const state = after(jane());
    assert.equal(state.kind, 'present');
    if (state.kind !== 'present') return;
    assert.equal(state.contact.name, 'Jane Doe');
    assert.equal(state.contact.full_name, 'Jane Doe');
    assert.equal(state.contact.email_id, 'jane@acme.com');
    assert.equal(state.contact.phone, '+44 20 7946 0000');
    assert.equal(state.contact.mobile_no, '+44 20 7946 0000');
    assert.equal(state.contact.user, null);
  });

  it('is named by its full name, numbered when the name is taken', () => {
    const taken = new Set(['Jane Doe', 'Jane Doe-1']);
    assert.equal(
      contactName('Jane Doe', (name) => taken.has(name)),
      'Jane Doe-2',
    );
    assert.equal(
      contactName('Joe', (name) => taken.has(name)),
      'Joe',
    );
  });

  it('refuses two primaries, a bad address, an unknown user and non-agents', () => {
    const create = (details: object, context = agent(), user?: string): ContactCommand => ({
      type: 'CreateContact',
      name: 'X',
      details,
      ...(user ? { user } : {}),
      context,
    });
    const two = [
      { email_id: 'a@x.com', is_primary: true },
      { email_id: 'b@x.com', is_primary: true },
    ];
    assert.throws(
      () => decideContact(create({ email_ids: two }), NO_CONTACT),
      refused('invalid', /^Only one Email ID can be set as primary\.$/),
    );
    assert.throws(
      () =>
        decideContact(create({ email_ids: [{ email_id: 'nope', is_primary: true }] }), NO_CONTACT),
      refused('invalid-email'),
    );
    assert.throws(
      () => decideContact(create({}, agent(), 'ghost@x.com'), NO_CONTACT),
      refused('link', /ghost@x.com/),
    );
    assert.throws(
      () => decideContact(create({}, agent({ roles: ['HD Customer'] })), NO_CONTACT),
      refused('permission'),
    );
    assert.throws(() => when(jane(), create({})), refused('duplicate'));
  });

  it('an edit replaces the child tables and records the details after it; no change, no event', () => {
    const events = when(jane(), {
      type: 'EditContact',
      changes: { email_ids: [{ email_id: 'j.doe@acme.com', is_primary: true }], phone_nos: [] },
      context: agent(),
    });
    assert.deepEqual(
      events.map((e) => e.type),
      ['ContactDetailsChanged'],
    );
    const state = after([...jane(), ...events]);
    assert.equal(state.kind === 'present' && state.contact.email_id, 'j.doe@acme.com');
    assert.equal(state.kind === 'present' && state.contact.phone, null);
    assert.deepEqual(
      when([...jane(), ...events], {
        type: 'EditContact',
        changes: { first_name: 'Jane' },
        context: agent(),
      }),
      [],
    );
  });

  it('links its user once and is removed by agents', () => {
    const link: ContactCommand = {
      type: 'LinkContactUser',
      user: 'Jane@acme.com',
      context: agent(),
    };
    const linked = when(jane(), link);
    assert.deepEqual(
      linked.map((e) => e.type === 'ContactUserLinked' && e.data.user),
      ['jane@acme.com'],
    );
    assert.deepEqual(when([...jane(), ...linked], link), []);
    const removed = when(jane(), { type: 'RemoveContact', context: agent() });
    assert.equal(after([...jane(), ...removed]).kind, 'absent');
    assert.equal(
      removed[0]?.type === 'ContactRemoved' && removed[0].data.delete_tickets,
      undefined,
    );
    const withTickets = when(jane(), {
      type: 'RemoveContact',
      deleteTickets: true,
      context: agent(),
    });
    assert.equal(
      withTickets[0]?.type === 'ContactRemoved' && withTickets[0].data.delete_tickets,
      true,
      'delete_contact(delete_tickets=1) says its tickets go too',
    );
  });
});
