import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiStack } from './support/api-stack.js';

describe('ticket catalogues and HD Settings through the API', () => {
  let stack: ApiStack;
  const call: ApiStack['call'] = (method, path, body) => stack.call(method, path, body);

  before(async () => {
    stack = await startApiStack('catalogues');
  });

  after(async () => {
    await stack?.stop();
  });

  it('seeds the statuses Frappe Helpdesk installs, with their categories', async () => {
    const expected = { Open: 'Open', Replied: 'Paused', Resolved: 'Resolved', Closed: 'Resolved' };
    for (const [name, category] of Object.entries(expected)) {
      const { status, body } = await call('GET', `/api/resource/HD%20Ticket%20Status/${name}`);
      assert.equal(status, 200);
      assert.equal(body.data.name, name);
      assert.equal(body.data.category, category);
      assert.equal(body.data.doctype, 'HD Ticket Status');
    }
    const replied = await call('GET', '/api/resource/HD%20Ticket%20Status/Replied');
    assert.equal(replied.body.data.label_customer, 'Awaiting Response');
  });

  it('seeds priorities, types with Unspecified as a system type, and feedback options', async () => {
    for (const name of ['Urgent', 'High', 'Medium', 'Low']) {
      assert.equal(
        (await call('GET', `/api/resource/HD%20Ticket%20Priority/${name}`)).body.data.level,
        name,
      );
    }
    assert.equal(
      (await call('GET', '/api/resource/HD%20Ticket%20Type/Unspecified')).body.data.is_system,
      1,
    );
    const option = await call(
      'GET',
      `/api/resource/HD%20Ticket%20Feedback%20Option/${encodeURIComponent('Instant, top-notch help')}`,
    );
    assert.equal(option.body.data.rating, 1);
  });

  it('creates, changes and deletes a priority through /api/resource and frappe.client', async () => {
    const created = await call('POST', '/api/resource/HD%20Ticket%20Priority', {
      name: 'Critical',
      level: 'Urgent',
    });
    assert.equal(created.status, 200);
    assert.equal(created.body.data.name, 'Critical');
    const duplicate = await call('POST', '/api/resource/HD%20Ticket%20Priority', {
      name: 'Critical',
      level: 'Urgent',
    });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.exc_type, 'DuplicateEntryError');

    const changed = await call('POST', '/api/method/frappe.client.set_value', {
      doctype: 'HD Ticket Priority',
      name: 'Critical',
      fieldname: 'description',
      value: 'Production is down',
    });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.message.description, 'Production is down');

    const standard = await call('POST', '/api/method/frappe.client.set_value', {
      doctype: 'HD Ticket Priority',
      name: 'Critical',
      fieldname: { owner: 'someone' },
    });
    assert.equal(standard.status, 417);

    const deleted = await call('DELETE', '/api/resource/HD%20Ticket%20Priority/Critical');
    assert.equal(deleted.status, 202);
    assert.deepEqual(deleted.body, { data: 'ok' });
    assert.equal((await call('GET', '/api/resource/HD%20Ticket%20Priority/Critical')).status, 404);
  });

  it('keeps Frappe catalogue rules: system types stay, Closed keeps its name, ratings in steps', async () => {
    const system = await call('DELETE', '/api/resource/HD%20Ticket%20Type/Unspecified');
    assert.equal(system.status, 417);
    assert.match(
      JSON.parse(JSON.parse(system.body._server_messages)[0]).message,
      /System types can not be deleted/,
    );
    const rename = await call('PUT', '/api/resource/HD%20Ticket%20Status/Closed', {
      label_agent: 'Done',
    });
    assert.equal(rename.status, 417);
    const rating = await call('POST', '/api/resource/HD%20Ticket%20Feedback%20Option', {
      label: 'Odd',
      rating: 0.5,
    });
    assert.equal(rating.status, 417);
    assert.equal(rating.body.exc_type, 'ValidationError');
  });

  it('serves and validates HD Settings', async () => {
    const settings = await call('GET', '/api/resource/HD%20Settings/HD%20Settings');
    assert.equal(settings.status, 200);
    assert.equal(settings.body.data.default_ticket_status, 'Open');
    assert.equal(settings.body.data.is_feedback_mandatory, 1);

    const changed = await call('PUT', '/api/resource/HD%20Settings/HD%20Settings', {
      restrict_tickets_by_agent_group: 1,
    });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.data.restrict_tickets_by_agent_group, 1);

    const paused = await call('PUT', '/api/resource/HD%20Settings/HD%20Settings', {
      default_ticket_status: 'Replied',
    });
    assert.equal(paused.status, 417, 'the default status must be of the Open category');
    const days = await call('PUT', '/api/resource/HD%20Settings/HD%20Settings', {
      auto_close_tickets: 1,
      auto_close_after_days: 0,
    });
    assert.equal(days.status, 417);
    assert.match(
      days.body.exception,
      /Day count for auto closing tickets cannot be negative or zero/,
    );
    const inUse = await call('DELETE', '/api/resource/HD%20Ticket%20Status/Open');
    assert.equal(inUse.status, 417, 'HD Settings uses it');
  });

  it('refuses unknown DocTypes with 404', async () => {
    assert.equal((await call('GET', '/api/resource/HD%20Nothing/x')).status, 404);
  });
});
