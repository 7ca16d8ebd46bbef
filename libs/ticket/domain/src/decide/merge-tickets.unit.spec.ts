import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CopiedCommunication } from '../events/merge-split.events.js';
import type { CommentToCopy, MergeTickets } from '../merge-split.commands.js';
import { activityOf } from '../ticket-activity.js';
import { ticketDocumentChanges } from '../ticket-document-changes.js';
import type { TicketEvent } from '../ticket.events.js';
import type { ExistingTicket } from '../ticket.state.js';
import { mergeTickets } from './merge-tickets.js';
import {
  AGENT,
  CUSTOMER,
  NOW,
  OPENED_AT,
  agent,
  assertViolation,
  customer,
  given,
  lookups,
  opened,
} from '../testing/ticket.fixtures.js';

const SOURCE = [opened({ name: 7 })];
const TARGET = [opened({ name: 8, subject: 'Older report' })];
const copied: CopiedCommunication = {
  communicationId: 'copy-c1',
  copiedFrom: 'c1',
  subject: 'Re: Cannot log in',
  content: '<p>Still locked out</p>',
  sender: CUSTOMER,
  recipients: null,
  cc: null,
  bcc: null,
  sentOrReceived: 'Received',
  emailAccount: null,
  attachments: [],
  owner: CUSTOMER,
  creation: OPENED_AT,
};
const note: CommentToCopy = {
  commentId: 'copy-n1',
  copiedFrom: 'n1',
  commentedBy: AGENT,
  content: '<span data-type="mention" data-id="sam@example.com">@Sam</span> same as #8',
  isPinned: true,
  attachments: ['trace.log'],
  creation: OPENED_AT,
  modified: OPENED_AT,
  modifiedBy: AGENT,
};

function merge(data: Partial<MergeTickets['data']> = {}, by = agent): MergeTickets {
  return {
    type: 'MergeTickets',
    data: {
      source: 7,
      target: 8,
      communications: [copied],
      comments: [note],
      noticeId: 'notice-1',
      noteId: 'note-1',
      ...data,
    },
    context: { ...by, lookups },
  };
}

describe('MergeTickets', () => {
  it('given two tickets, then the source is merged into the target, closed and told so', () => {
    const { source } = mergeTickets(merge(), given(SOURCE), given(TARGET));
    assert.deepEqual(
      source.map((e) => e.type),
      ['TicketMergedInto', 'TicketStatusChanged', 'AgentReplied'],
    );
    assert.deepEqual(ticketDocumentChanges(source[0]!).fields, {
      is_merged: true,
      merged_with: 8,
      modified: NOW,
      modified_by: AGENT,
    });
    assert.equal(activityOf(source[1]!), 'set status to Closed');
    const reply = source[2];
    assert.equal(
      reply?.type === 'AgentReplied' && reply.data.content,
      "This ticket (#7) has been merged with ticket <a href = '/helpdesk/tickets/8'>#8</a>.",
    );
    const after = given([...SOURCE, ...source]) as ExistingTicket;
    assert.equal(after.status, 'Closed');
    assert.equal(after.mergedInto, 8);
    assert.equal(after.agentHasReplied, true);
  });

  it('the notice does not reopen the closed source, whatever the auto-update setting', () => {
    const { source } = mergeTickets(merge(), given(SOURCE), given(TARGET));
    assert.equal(source.filter((e) => e.type === 'TicketStatusChanged').length, 1);
  });

  it('then the target gets copies of the conversation and a note about the merge', () => {
    const { target } = mergeTickets(merge(), given(SOURCE), given(TARGET));
    const [merged, added] = target as [TicketEvent, TicketEvent];
    assert.equal(merged.type, 'TicketMerged');
    assert.deepEqual(merged.type === 'TicketMerged' && merged.data.comments[0]?.mentions, [
      'sam@example.com',
    ]);
    assert.deepEqual(added.type === 'CommentAdded' && [added.data.commentId, added.data.content], [
      'note-1',
      'Ticket <a href=/helpdesk/tickets/7> #7</a>  has been merged with ticket #8.',
    ]);
    const after = given([...TARGET, ...target]) as ExistingTicket;
    assert.deepEqual([...after.comments.keys()], ['copy-n1', 'note-1']);
    assert.equal(after.comments.get('copy-n1')?.author, AGENT);
    assert.equal(after.comments.get('copy-n1')?.pinned, true);
    assert.deepEqual([...after.communications.keys()], ['copy-c1']);
    assert.equal(after.agentHasReplied, false, 'only a received message was copied');
  });

  it('refuses with Frappe’s messages, in Frappe’s order', () => {
    const none = given([]);
    assertViolation(
      () => mergeTickets(merge(), none, none),
      'invalid',
      'Source ticket does not exist',
    );
    assertViolation(
      () => mergeTickets(merge(), given(SOURCE), none),
      'invalid',
      'Target ticket does not exist',
    );
    assertViolation(
      () => mergeTickets(merge({ target: 7 }), given(SOURCE), given(SOURCE)),
      'invalid',
      'Source and target ticket cannot be same',
    );
  });

  it('is for agents only', () => {
    assertViolation(
      () => mergeTickets(merge({}, customer), given(SOURCE), given(TARGET)),
      'forbidden',
      'You are not permitted to access this resource.',
    );
  });
});
