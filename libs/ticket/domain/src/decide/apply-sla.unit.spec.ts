import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApplySla } from '../ticket.commands.js';
import type { TicketEvent } from '../ticket.events.js';
import { decide } from '../ticket.decide.js';
import { ticketDocumentChanges } from '../ticket-document-changes.js';
import type { ExistingTicket } from '../ticket.state.js';
import { AGENT, given, meta, now, opened } from '../testing/ticket.fixtures.js';

const reckoning = (basedOn: number, fields: ApplySla['data']['fields'], defaultPriority?: string) =>
  ({
    type: 'ApplySla',
    data: { name: 7, basedOn, fields, ...(defaultPriority ? { defaultPriority } : {}) },
    context: { actor: AGENT, now },
  }) satisfies ApplySla;

const DEADLINES = {
  sla: 'Default',
  response_by: '2026-11-23T10:30:00.000Z',
  resolution_by: '2026-11-23T12:00:00.000Z',
  agreement_status: 'First Response Due',
};

const applied = (basedOn: number, fields: Record<string, string | number | null>): TicketEvent => ({
  type: 'TicketSlaApplied',
  data: { ...meta(AGENT), basedOn, fields },
});

describe('ApplySla', () => {
  it('given an opened ticket, when the SLA is reckoned, then its fields are set once', () => {
    assert.deepEqual(decide(reckoning(1, DEADLINES), given([opened()])), [applied(1, DEADLINES)]);
    const state = given([opened(), applied(1, DEADLINES)]);
    assert.deepEqual(decide(reckoning(1, DEADLINES), state), [], 'the same reckoning again');
    assert.equal((state as ExistingTicket).fields.response_by, DEADLINES.response_by);
  });

  it('records only the fields that changed, comparing instants as instants', () => {
    const state = given([opened(), applied(1, DEADLINES)]);
    const later = {
      ...DEADLINES,
      response_by: '2026-11-23T10:30:00Z',
      agreement_status: 'Failed',
    };
    assert.deepEqual(decide(reckoning(3, later), state), [
      applied(3, { agreement_status: 'Failed' }),
    ]);
  });

  it('is void when computed from an older ticket version than the last applied one', () => {
    const state = given([opened(), applied(4, DEADLINES)]);
    assert.deepEqual(decide(reckoning(3, { ...DEADLINES, agreement_status: 'Failed' }), state), []);
  });

  it('is void for a ticket that is gone, and ignores fields sla-service does not own', () => {
    assert.deepEqual(decide(reckoning(1, DEADLINES), given([])), []);
    assert.deepEqual(
      decide(reckoning(1, { subject: 'hijacked', status: 'Closed' }), given([opened()])),
      [],
    );
  });

  it('fills an empty priority with the SLA default, never overrides a given one', () => {
    const none = given([opened({ priority: null })]);
    const [event] = decide(reckoning(1, DEADLINES, 'Medium'), none);
    assert.equal(event?.type === 'TicketSlaApplied' && event.data.fields.priority, 'Medium');
    const [kept] = decide(reckoning(1, DEADLINES, 'Medium'), given([opened({ priority: 'High' })]));
    assert.equal(kept?.type === 'TicketSlaApplied' && kept.data.fields.priority, undefined);
  });

  it('leaves `modified` alone in the document', () => {
    const change = ticketDocumentChanges(applied(1, DEADLINES) as never);
    assert.equal(change.op, 'update');
    assert.equal('modified' in change.fields, false);
    assert.equal(change.fields.agreement_status, 'First Response Due');
  });
});
