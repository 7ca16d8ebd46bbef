import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../ticket.decide.js';
import { assertViolation, given } from '../testing/ticket.fixtures.js';
import { openTicket, openedData } from '../testing/ticket.fixtures.js';

describe('ticket decide: OpenTicket contact and customer', () => {
  const customerContext = { actor: 'jane@customer.com', actorIsAgent: false };

  it('lets a customer raise a ticket for their own contact only', () => {
    const own = openedData(
      openTicket({ contact: 'Jane' }, { ...customerContext, actorContact: 'Jane' }),
    );
    assert.equal(own.contact, 'Jane');
    assertViolation(
      () =>
        decide(
          openTicket({ contact: 'Bob' }, { ...customerContext, actorContact: 'Jane' }),
          given([]),
        ),
      'forbidden',
      'You can only raise tickets for your own contact.',
    );
  });

  it('lets an agent raise a ticket for any contact', () => {
    assert.equal(openedData(openTicket({ contact: 'Bob' }, { actorIsAgent: true })).contact, 'Bob');
  });

  it("fills an empty contact from the raiser's address", () => {
    const contactOfEmail = (email: string) => (email === 'jane@customer.com' ? 'Jane' : undefined);
    const data = openedData(
      openTicket(
        { raisedBy: 'Jane Doe <jane@customer.com>' },
        { actorIsAgent: true, contactOfEmail },
      ),
    );
    assert.equal(data.contact, 'Jane');
  });

  it('given a portal customer, when they open a ticket naming someone else as raiser, then they are the raiser', () => {
    const contactOfEmail = (email: string) => (email === 'jane@customer.com' ? 'Jane' : 'Bob');
    const data = openedData(
      openTicket(
        { raisedBy: 'bob@other.com' },
        { ...customerContext, actorContact: 'Jane', contactOfEmail },
      ),
    );
    assert.equal(data.raisedBy, 'jane@customer.com');
    assert.equal(data.contact, 'Jane');
  });

  it('given an agent, when they open a ticket for a customer, then the customer is the raiser', () => {
    const data = openedData(openTicket({ raisedBy: 'bob@other.com' }, { actorIsAgent: true }));
    assert.equal(data.raisedBy, 'bob@other.com');
  });

  const customersOfContact = (contact: string) =>
    contact === 'Jane' ? ['Acme'] : contact === 'Sam' ? ['Acme', 'Globex'] : [];

  it("takes the contact's only customer", () => {
    const data = openedData(
      openTicket({ contact: 'Jane' }, { actorIsAgent: true, customersOfContact }),
    );
    assert.equal(data.customer, 'Acme');
  });

  it('asks a portal customer linked to several customers to choose one', () => {
    const context = { ...customerContext, actorContact: 'Sam', customersOfContact };
    assertViolation(
      () => decide(openTicket({ contact: 'Sam', viaCustomerPortal: true }, context), given([])),
      'invalid',
      'The contact Sam is linked to multiple customers. Please select the customer manually.',
    );
    const chosen = openedData(
      openTicket({ contact: 'Sam', customer: 'Globex', viaCustomerPortal: true }, context),
    );
    assert.equal(chosen.customer, 'Globex');
  });

  it("refuses a customer's ticket for a customer their contact is not linked to", () => {
    const context = { ...customerContext, actorContact: 'Jane', customersOfContact };
    assertViolation(
      () => decide(openTicket({ contact: 'Jane', customer: 'Globex' }, context), given([])),
      'invalid',
      "The selected customer Globex is not linked to the contact Jane.Please select a valid customer or update the contact's linked customers.",
    );
  });

  it('refuses a customer named by a non-agent when nothing links them to it', () => {
    assertViolation(
      () => decide(openTicket({ customer: 'Globex' }, customerContext), given([])),
      'invalid',
      "The selected customer Globex is not linked to the contact .Please select a valid customer or update the contact's linked customers.",
    );
    const byAgent = openedData(openTicket({ customer: 'Globex' }, { actorIsAgent: true }));
    assert.equal(byAgent.customer, 'Globex');
  });

  it('leaves the customer alone when auto-linking is off', () => {
    const data = openedData(
      openTicket(
        { contact: 'Jane' },
        { actorIsAgent: true, customersOfContact, autoSetCustomerFromContact: false },
      ),
    );
    assert.equal(data.customer, null);
  });
});
