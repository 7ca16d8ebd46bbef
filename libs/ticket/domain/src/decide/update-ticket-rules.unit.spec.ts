import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../ticket.decide.js';
import {
  AGENT,
  CUSTOMER,
  assertViolation,
  customer,
  given,
  meta,
  opened,
  update,
} from '../testing/ticket.fixtures.js';

const ticket = given([opened()]);
const by = meta(AGENT);

describe('UpdateTicket: what may not be changed', () => {
  // `modified` is compared, not written: stale-save.unit.spec.ts.
  for (const field of ['name', 'owner', 'creation', 'modified_by', 'docstatus', 'idx', '_assign']) {
    it(`refuses the standard field ${field}`, () => {
      assertViolation(
        () => decide(update({ [field]: 'x' }), ticket),
        'invalid',
        'Cannot edit standard fields',
      );
    });
  }

  it('refuses changing the feedback key', () => {
    assertViolation(
      () => decide(update({ key: 'other' }), ticket),
      'invalid',
      'Value cannot be changed for Key',
    );
  });

  it('refuses any update of an unknown or deleted ticket', () => {
    assertViolation(() => decide(update({ subject: 'x' }), given([])), 'not-found');
    const deleted = given([opened(), { type: 'TicketDeleted', data: meta(AGENT) }]);
    assertViolation(
      () => decide(update({ subject: 'x' }), deleted),
      'not-found',
      'HD Ticket 7 not found',
    );
  });
});

describe('UpdateTicket: closed or rated portal tickets', () => {
  const message = 'Closed or rated tickets cannot be updated by non-agents';
  const closed = given([
    opened({ viaCustomerPortal: true }),
    {
      type: 'TicketStatusChanged',
      data: {
        ...meta(AGENT),
        from: 'Open',
        fromCategory: 'Open',
        to: 'Closed',
        toCategory: 'Resolved',
        firstRespondedOn: null,
        resolutionDate: null,
      },
    },
  ]);
  const rated = given([
    opened({ viaCustomerPortal: true }),
    {
      type: 'TicketFeedbackGiven',
      data: {
        ...meta(CUSTOMER),
        feedback: 'Response did not help',
        feedbackRating: 0.2,
        feedbackExtra: null,
      },
    },
  ]);

  it('refuses a customer update of a closed portal ticket', () => {
    assertViolation(() => decide(update({ subject: 'x' }, customer), closed), 'forbidden', message);
  });

  it('refuses a customer update of a rated portal ticket', () => {
    assertViolation(() => decide(update({ subject: 'x' }, customer), rated), 'forbidden', message);
  });

  it('lets an agent update them', () => {
    assert.equal(decide(update({ subject: 'x' }), closed).length, 1);
    assert.equal(decide(update({ subject: 'x' }), rated).length, 1);
  });

  it('lets a customer update a closed ticket that did not come through the portal', () => {
    const emailTicket = given([
      opened(),
      {
        type: 'TicketStatusChanged',
        data: {
          ...meta(AGENT),
          from: 'Open',
          fromCategory: 'Open',
          to: 'Closed',
          toCategory: 'Resolved',
          firstRespondedOn: null,
          resolutionDate: null,
        },
      },
    ]);
    assert.equal(decide(update({ subject: 'x' }, customer), emailTicket).length, 1);
  });
});

describe('UpdateTicket: contact and customer', () => {
  const customersOfContact = (contact: string) => (contact === 'Jane' ? ['Acme'] : []);

  it("lets a customer set their own contact but not someone else's", () => {
    const context = { ...customer, actorContact: 'Jane' };
    assert.deepEqual(decide(update({ contact: 'Jane' }, context), ticket), [
      { type: 'TicketContactChanged', data: { ...meta(CUSTOMER), contact: 'Jane' } },
    ]);
    assertViolation(
      () => decide(update({ contact: 'Bob' }, context), ticket),
      'forbidden',
      'You can only raise tickets for your own contact.',
    );
  });

  it("refills an emptied contact from the raiser's address", () => {
    const state = given([opened({ contact: 'Old' })]);
    const contactOfEmail = (email: string) => (email === CUSTOMER ? 'Jane' : undefined);
    assert.deepEqual(decide(update({ contact: '' }, { contactOfEmail }), state), [
      { type: 'TicketContactChanged', data: { ...by, contact: 'Jane' } },
    ]);
  });

  it("checks a customer's change of customer against the contact's customers", () => {
    const state = given([opened({ contact: 'Jane' })]);
    const context = { ...customer, customersOfContact };
    assert.deepEqual(decide(update({ customer: 'Acme' }, context), state), [
      { type: 'TicketCustomerChanged', data: { ...meta(CUSTOMER), customer: 'Acme' } },
    ]);
    assertViolation(() => decide(update({ customer: 'Globex' }, context), state), 'invalid');
    assert.equal(decide(update({ customer: 'Globex' }, { customersOfContact }), state).length, 1);
  });
});
