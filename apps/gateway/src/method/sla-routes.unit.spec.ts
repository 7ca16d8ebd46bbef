import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeFor } from '../resource/doctype-routes.js';
import { serviceForMethod } from './method-routes.js';

describe('routes to sla-service', () => {
  it('sends the SLA DocTypes to sla-service', () => {
    assert.equal(routeFor('HD Service Level Agreement').service, 'sla');
    assert.equal(routeFor('HD Service Holiday List').service, 'sla');
  });

  it("sends the holiday list's doc methods and the calendar's events to sla-service", () => {
    const docMethod = { dt: 'HD Service Holiday List', dn: 'Default', method: 'clear_table' };
    assert.equal(serviceForMethod('run_doc_method', docMethod), 'sla');
    const inForm = { docs: JSON.stringify({ doctype: 'HD Service Holiday List' }) };
    assert.equal(serviceForMethod('run_doc_method', inForm), 'sla');
    assert.equal(
      serviceForMethod(
        'helpdesk.helpdesk.doctype.hd_service_holiday_list.hd_service_holiday_list.get_events',
        {},
      ),
      'sla',
    );
  });
});
