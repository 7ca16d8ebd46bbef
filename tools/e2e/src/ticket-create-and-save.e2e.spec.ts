import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiCall, type ApiStack } from './support/api-stack.js';

const TICKETS = '/api/resource/HD%20Ticket';

describe('Creating with every writable field, and saving whole documents back', () => {
  let stack: ApiStack;
  let admin: ApiCall;
  let customer: ApiCall;

  before(async () => {
    // A zone far from UTC: stale-copy checks compare modified as the site shows it.
    stack = await startApiStack('create-save', { HELPDESK_TIME_ZONE: 'Asia/Kolkata' });
    admin = stack.call;
    customer = await stack.as('fay@acme.example');
  });

  after(async () => {
    await stack?.stop();
  });

  it('an agent sets team, customer, template and summary; a sent status is ignored', async () => {
    const { status, body } = await admin('POST', TICKETS, {
      subject: 'Renewal quote',
      agent_group: 'Billing',
      customer: 'Acme',
      template: 'Default',
      summary: 'Needs a quote by Friday',
      email_account: 'Support',
      status: 'Closed',
    });
    assert.equal(status, 200, JSON.stringify(body));
    const { agent_group, customer: linked, template, summary, email_account } = body.data;
    assert.deepEqual(
      { agent_group, customer: linked, template, summary, email_account, status: body.data.status },
      {
        agent_group: 'Billing',
        customer: 'Acme',
        template: 'Default',
        summary: 'Needs a quote by Friday',
        email_account: 'Support',
        status: 'Open',
      },
    );
  });

  it('a customer cannot file a ticket under a customer nothing links them to', async () => {
    const { status, body } = await customer('POST', TICKETS, {
      subject: 'Mine, but theirs',
      customer: 'Globex',
    });
    assert.equal(status, 417);
    assert.equal(body.exc_type, 'ValidationError');
    const unknown = await admin('POST', TICKETS, { subject: 'x', response_by: '2030-01-01' });
    assert.equal(unknown.status, 417);
  });

  it('a whole document saved back is accepted once, then refused as stale', async () => {
    const created = await admin('POST', TICKETS, { subject: 'Original' });
    const read = (await admin('GET', `${TICKETS}/${created.body.data.name}`)).body.data;
    const saved = await admin('PUT', `${TICKETS}/${read.name}`, { ...read, subject: 'Edited' });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.data.subject, 'Edited');
    assert.equal(saved.body.data.owner, read.owner);
    const stale = await admin('PUT', `${TICKETS}/${read.name}`, { ...read, subject: 'Lost' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.exc_type, 'TimestampMismatchError');
    const changedOwner = await admin('PUT', `${TICKETS}/${read.name}`, {
      owner: 'someone@else.example',
    });
    assert.equal(changedOwner.status, 417);
    const viaSave = await admin('POST', '/api/method/frappe.client.save', {
      doc: { ...read, subject: 'Lost through save' },
    });
    assert.equal(viaSave.status, 409, JSON.stringify(viaSave.body));
    const fresh = saved.body.data;
    const savedAgain = await admin('POST', '/api/method/frappe.client.save', {
      doc: { ...fresh, subject: 'Saved through save' },
    });
    assert.equal(savedAgain.status, 200, JSON.stringify(savedAgain.body));
    const final = await admin('GET', `${TICKETS}/${read.name}`);
    assert.equal(final.body.data.subject, 'Saved through save');
  });
});
