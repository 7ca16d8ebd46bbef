import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ticket } from '@helpdesk/shared-conditions/testing';
import { chooseSla, type SlaChoiceCandidate } from './choose-sla.js';

const TODAY = '2026-11-23';
const ALL_PRIORITIES = ['Urgent', 'High', 'Medium', 'Low'].map((priority) => ({ priority }));

function sla(name: string, fields: Partial<SlaChoiceCandidate> = {}): SlaChoiceCandidate {
  return {
    name,
    enabled: 1,
    default_sla: 0,
    priority: 0,
    start_date: null,
    end_date: null,
    condition: 'doc.status == "Open"',
    condition_json: null,
    priorities: ALL_PRIORITIES,
    creation: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}
const DEFAULT = sla('Default', {
  default_sla: 1,
  condition: null,
  creation: '2025-01-01T00:00:00.000Z',
});

describe('chooseSla', () => {
  it('given no conditional SLA matches, when a ticket is saved, then it gets the default SLA', () => {
    const billing = sla('Billing', { condition: "doc.agent_group == 'Billing'" });
    assert.equal(chooseSla([DEFAULT, billing], ticket(), TODAY), 'Default');
    assert.equal(
      chooseSla([DEFAULT, billing], ticket({ agent_group: 'Billing' }), TODAY),
      'Billing',
    );
  });

  it('given several SLAs match, then the lowest priority wins, then the oldest, then the first by name', () => {
    const late = sla('Late', { priority: 1, creation: '2020-01-01T00:00:00.000Z' });
    const older = sla('Older', { creation: '2025-06-01T00:00:00.000Z' });
    const newer = sla('Newer', { creation: '2026-06-01T00:00:00.000Z' });
    const twinB = sla('Twin B');
    const twinA = sla('Twin A');
    assert.equal(chooseSla([late, newer, older, DEFAULT], ticket(), TODAY), 'Older');
    assert.equal(chooseSla([late, newer, DEFAULT], ticket(), TODAY), 'Newer');
    assert.equal(chooseSla([twinB, twinA], ticket(), TODAY), 'Twin A');
    assert.equal(
      chooseSla(
        [sla('Minus', { priority: -1, creation: '2026-12-01T00:00:00.000Z' }), older],
        ticket(),
        TODAY,
      ),
      'Minus',
    );
  });

  it('leaves out disabled SLAs, the default SLA and SLAs without a condition from the conditional pass', () => {
    const candidates = [
      DEFAULT,
      sla('Disabled', { enabled: 0 }),
      sla('Unconditional', { condition: '  ', condition_json: '[]' }),
      sla('Other default', { default_sla: 1, creation: '2024-01-01T00:00:00.000Z' }),
    ];
    assert.equal(chooseSla(candidates, ticket(), TODAY), 'Default');
  });

  it('counts both ends of the validity window', () => {
    const windowed = (start_date: string | null, end_date: string | null) => [
      DEFAULT,
      sla('Windowed', { start_date, end_date }),
    ];
    assert.equal(chooseSla(windowed('2026-11-23', null), ticket(), TODAY), 'Windowed');
    assert.equal(chooseSla(windowed(null, '2026-11-23'), ticket(), TODAY), 'Windowed');
    assert.equal(chooseSla(windowed('2026-11-24', null), ticket(), TODAY), 'Default');
    assert.equal(chooseSla(windowed(null, '2026-11-22'), ticket(), TODAY), 'Default');
    assert.equal(chooseSla(windowed('2026-01-01', '2026-12-31'), ticket(), TODAY), 'Windowed');
  });

  it('considers only SLAs that list the ticket’s priority, when it has one', () => {
    const highOnly = sla('High only', { priorities: [{ priority: 'High' }] });
    assert.equal(chooseSla([DEFAULT, highOnly], ticket({ priority: 'Low' }), TODAY), 'Default');
    assert.equal(chooseSla([DEFAULT, highOnly], ticket({ priority: 'High' }), TODAY), 'High only');
    assert.equal(chooseSla([DEFAULT, highOnly], ticket({ priority: null }), TODAY), 'High only');
    assert.equal(chooseSla([DEFAULT, highOnly], ticket({ priority: '' }), TODAY), 'High only');
  });

  it('tests condition_json when it holds a condition, else condition', () => {
    const both = sla('Both', {
      condition: "doc.ticket_type == 'Question'",
      condition_json: '[["priority","==","High"],"and",["ticket_type","in","Bug,Incident"]]',
    });
    const bug = ticket({ priority: 'High', ticket_type: 'Bug' });
    const question = ticket({ priority: 'High', ticket_type: 'Question' });
    assert.equal(chooseSla([DEFAULT, both], bug, TODAY), 'Both');
    assert.equal(chooseSla([DEFAULT, both], question, TODAY), 'Default');
    const emptyJson = sla('Empty JSON', {
      condition: "doc.ticket_type == 'Question'",
      condition_json: '[]',
    });
    assert.equal(chooseSla([DEFAULT, emptyJson], question, TODAY), 'Empty JSON');
  });

  it('treats a condition that cannot be parsed or evaluated as not holding, and tries the next SLA', () => {
    const broken = sla('Broken', { condition: 'doc.subject.lower()' });
    const failing = sla('Failing', { condition: 'doc.customer > 1' });
    const fallback = sla('Fallback', { priority: 9 });
    assert.equal(chooseSla([DEFAULT, broken, failing, fallback], ticket(), TODAY), 'Fallback');
  });

  it('falls back to the latest-created enabled default, and to null when there is none', () => {
    const newerDefault = sla('Newer default', {
      default_sla: 1,
      creation: '2026-02-01T00:00:00.000Z',
    });
    const disabledDefault = sla('Disabled default', {
      default_sla: 1,
      enabled: 0,
      creation: '2026-03-01T00:00:00.000Z',
    });
    assert.equal(
      chooseSla([DEFAULT, newerDefault, disabledDefault], ticket(), TODAY),
      'Newer default',
    );
    assert.equal(chooseSla([sla('Billing', { condition: 'False' })], ticket(), TODAY), null);
    assert.equal(chooseSla([], ticket(), TODAY), null);
  });

  it('gives the default no window or priority check', () => {
    const expired = sla('Default', { default_sla: 1, end_date: '2020-01-01', priorities: [] });
    assert.equal(chooseSla([expired], ticket({ priority: 'Urgent' }), TODAY), 'Default');
  });
});
