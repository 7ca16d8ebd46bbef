import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededCalendar, WEEK, wallClock } from '@helpdesk/shared-working-time/testing';
import {
  emptyConversation,
  evolveConversation,
  type ConversationFact,
  type MessageDirection,
} from './conversation.js';
import { averageResponseTime, responseGaps } from './response-gaps.js';

const utc = wallClock('Z');
const DEFAULT = seededCalendar('UTC');

let recorded = 0;
const message = (id: string, direction: MessageDirection, at: Date): ConversationFact => ({
  type: 'message',
  id,
  direction,
  at,
  position: (recorded += 1),
});
const customer = (id: string, at: Date) => message(id, 'received', at);
const agent = (id: string, at: Date) => message(id, 'sent', at);
const given = (facts: ConversationFact[]) => facts.reduce(evolveConversation, emptyConversation);

describe('avg_response_time', () => {
  it('given a customer message before hours answered at 10:30, then it counts 30 working minutes', () => {
    const conversation = given([
      customer('c1', utc(WEEK.Mon, '09:00:00')),
      agent('a1', utc(WEEK.Mon, '10:30:00')),
    ]);
    assert.equal(averageResponseTime(conversation, DEFAULT), 1800);
  });

  it('averages each answered message in working time, across the night', () => {
    const conversation = given([
      customer('c1', utc(WEEK.Mon, '10:00:00')),
      agent('a1', utc(WEEK.Mon, '10:20:00')),
      customer('c2', utc(WEEK.Mon, '17:30:00')),
      agent('a2', utc(WEEK.Tue, '10:30:00')),
    ]);
    // 1200 s, then 30 min on Monday evening + 30 min on Tuesday morning.
    assert.equal(averageResponseTime(conversation, DEFAULT), (1200 + 3600) / 2);
  });

  it('lets every customer message waiting for the same reply count its own wait', () => {
    const conversation = given([
      customer('c1', utc(WEEK.Wed, '11:00:00')),
      customer('c2', utc(WEEK.Wed, '11:30:00')),
      agent('a1', utc(WEEK.Wed, '12:00:00')),
    ]);
    assert.deepEqual(
      responseGaps(conversation).map((gap) => gap.asked.toISOString()),
      [utc(WEEK.Wed, '11:00:00').toISOString(), utc(WEEK.Wed, '11:30:00').toISOString()],
    );
    assert.equal(averageResponseTime(conversation, DEFAULT), (3600 + 1800) / 2);
  });

  it('is null while nothing is answered; an agent writing first opens no gap', () => {
    assert.equal(averageResponseTime(emptyConversation, DEFAULT), null);
    const unanswered = given([
      agent('a0', utc(WEEK.Mon, '10:00:00')),
      customer('c1', utc(WEEK.Mon, '11:00:00')),
    ]);
    assert.equal(averageResponseTime(unanswered, DEFAULT), null);
  });

  it('counts plain seconds for a ticket without an SLA', () => {
    const conversation = given([
      customer('c1', utc(WEEK.Sat, '09:00:00')),
      agent('a1', utc(WEEK.Sat, '09:00:42')),
    ]);
    assert.equal(averageResponseTime(conversation, null), 42);
    assert.equal(averageResponseTime(conversation, DEFAULT), 0, 'Saturday is not worked');
  });

  it('skips the holidays of the calendar', () => {
    const conversation = given([
      customer('c1', utc(WEEK.Wed, '17:00:00')),
      agent('a1', utc(WEEK.Fri, '11:00:00')),
    ]);
    assert.equal(averageResponseTime(conversation, seededCalendar('UTC', [WEEK.Thu])), 7200);
  });
});

describe('the conversation', () => {
  const facts = [
    customer('c1', utc(WEEK.Mon, '10:00:00')),
    agent('a1', utc(WEEK.Mon, '11:00:00')),
    customer('c2', utc(WEEK.Mon, '12:00:00')),
    agent('a2', utc(WEEK.Mon, '12:10:00')),
    { type: 'moved-away', ids: ['c2', 'a2'] } as ConversationFact,
  ];

  it('given the same facts in any order and repeated, then it is the same conversation', () => {
    const expected = given(facts);
    for (let shift = 0; shift < facts.length; shift += 1) {
      const rotated = [...facts.slice(shift), ...facts.slice(0, shift)];
      assert.deepEqual(given([...rotated].reverse()), expected, `rotation ${shift} reversed`);
      assert.deepEqual(given([...rotated, ...rotated]), expected, `rotation ${shift} twice`);
    }
    assert.equal(averageResponseTime(expected, DEFAULT), 3600);
  });

  it('when messages move to a split-off ticket, then they no longer count here', () => {
    const before = given(facts.slice(0, 4));
    assert.equal(averageResponseTime(before, DEFAULT), (3600 + 600) / 2);
    assert.deepEqual(Object.keys(given(facts).messages).sort(), ['a1', 'c1']);
  });

  it('orders messages of the same millisecond as the ticket recorded them', () => {
    const at = utc(WEEK.Mon, '11:00:00');
    const question = customer('z-question', at);
    const answer = agent('a-answer', at);
    assert.equal(averageResponseTime(given([answer, question]), DEFAULT), 0);
    const earlyReply = agent('a-early', at);
    const followUp = customer('b-follow-up', at);
    assert.equal(averageResponseTime(given([earlyReply, followUp]), DEFAULT), null);
  });
});
