import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApplyResponseMetrics } from '../ticket.commands.js';
import type { TicketEvent } from '../ticket.events.js';
import { decide } from '../ticket.decide.js';
import { ticketDocumentChanges } from '../ticket-document-changes.js';
import type { ExistingTicket } from '../ticket.state.js';
import { AGENT, given, meta, now, opened } from '../testing/ticket.fixtures.js';

const figures = (revision: number, fields: ApplyResponseMetrics['data']['fields']) =>
  ({
    type: 'ApplyResponseMetrics',
    data: { name: 7, revision, fields },
    context: { actor: AGENT, now },
  }) satisfies ApplyResponseMetrics;

const applied = (revision: number, fields: Record<string, number | null>): TicketEvent => ({
  type: 'TicketResponseMetricsApplied',
  data: { ...meta(AGENT), revision, fields },
});

describe('ApplyResponseMetrics', () => {
  it('given an opened ticket, when its metrics arrive, then avg_response_time is set once', () => {
    const first = decide(figures(2, { avg_response_time: 1800 }), given([opened()]));
    assert.deepEqual(first, [applied(2, { avg_response_time: 1800 })]);
    const state = given([opened(), ...first]) as ExistingTicket;
    assert.equal(state.fields.avg_response_time, 1800);
    assert.deepEqual(decide(figures(2, { avg_response_time: 1800 }), state), [], 'sent twice');
    assert.deepEqual(decide(figures(3, { avg_response_time: 1800 }), state), [], 'unchanged');
  });

  it('is void when older than the last applied revision', () => {
    const state = given([opened(), applied(5, { avg_response_time: 900 })]);
    assert.deepEqual(decide(figures(4, { avg_response_time: 600 }), state), []);
    assert.deepEqual(decide(figures(6, { avg_response_time: 600 }), state), [
      applied(6, { avg_response_time: 600 }),
    ]);
  });

  it('is void for a ticket that is gone, and ignores fields the workers do not own', () => {
    assert.deepEqual(decide(figures(1, { avg_response_time: 60 }), given([])), []);
    const hijack = { avg_response_time: 60, status: 'Closed' } as never;
    assert.deepEqual(decide(figures(1, hijack), given([opened()])), [
      applied(1, { avg_response_time: 60 }),
    ]);
  });

  it('updates the document without touching modified', () => {
    const change = ticketDocumentChanges(applied(1, { avg_response_time: 60 }) as never);
    assert.deepEqual(change, { op: 'update', name: 7, fields: { avg_response_time: 60 } });
  });
});
