import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { dashboardFilters, NOT_ALLOWED } from './dashboard-filters.js';

const agent = { user: 'ann@example.com', roles: ['Agent'], correlationId: 'c' };
const manager = { user: 'mia@example.com', roles: ['Agent', 'Agent Manager'], correlationId: 'c' };
const today = '2025-03-31';

const refused = (run: () => unknown) =>
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof FrappeError);
    assert.equal(error.excType, 'PermissionError');
    assert.equal(error.message, NOT_ALLOWED);
    return true;
  });

describe('who may see which dashboard', () => {
  it('given a manager without filters, then every ticket of the last 30 days', () => {
    assert.deepEqual(dashboardFilters(undefined, manager, today), {
      fromDate: '2025-03-01',
      toDate: today,
      team: null,
      agent: null,
    });
  });

  it('given an agent naming themselves, or @me, then their own tickets', () => {
    const own = { agent: 'ann@example.com', from_date: '2025-03-10', to_date: '2025-03-20' };
    assert.equal(dashboardFilters(own, agent, today).agent, 'ann@example.com');
    assert.equal(
      dashboardFilters(JSON.stringify({ agent: '@me' }), agent, today).agent,
      'ann@example.com',
    );
  });

  it('when an agent asks for no filters, someone else, or a team, then it is refused', () => {
    refused(() => dashboardFilters(undefined, agent, today));
    refused(() => dashboardFilters({}, agent, today));
    refused(() => dashboardFilters({ agent: 'bob@example.com' }, agent, today));
    refused(() => dashboardFilters({ agent: 'ann@example.com', team: 'Billing' }, agent, today));
  });

  it('given a manager asking for a team and @me, then that team and the manager’s own tickets', () => {
    assert.deepEqual(dashboardFilters({ team: 'Billing', agent: '@me' }, manager, today), {
      fromDate: '2025-03-01',
      toDate: today,
      team: 'Billing',
      agent: 'mia@example.com',
    });
  });

  it('refuses a date that is not one', () => {
    assert.throws(() => dashboardFilters({ from_date: '2025-02-30' }, manager, today), /from_date/);
  });
});
