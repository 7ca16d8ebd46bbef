import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../ticket.decide.js';
import type { TicketEvent } from '../ticket.events.js';
import {
  AGENT,
  addComment,
  agent,
  assertViolation,
  customer,
  deleteComment,
  editComment,
  given,
  meta,
  opened,
  pinComment,
} from '../testing/ticket.fixtures.js';

const mention = (id: string, label = id) =>
  `<span data-type="mention" data-id="${id}" data-label="${label}">@${label}</span>`;
const OTHER_AGENT = { ...agent, actor: 'lee@example.com' };

function commented(content: string, by = AGENT): TicketEvent {
  return {
    type: 'CommentAdded',
    data: {
      ...meta(by),
      commentId: 'n-1',
      content,
      mentions: content.includes('sam@') ? ['sam@example.com'] : [],
      attachments: [],
    },
  };
}

describe('AddComment', () => {
  it('records the note with the users it mentions', () => {
    const content = `<p>${mention('sam@example.com', 'Sam')} please look</p>`;
    assert.deepEqual(decide(addComment(content), given([opened()])), [
      {
        type: 'CommentAdded',
        data: {
          ...meta(AGENT),
          commentId: 'n-1',
          content,
          mentions: ['sam@example.com'],
          attachments: [],
        },
      },
    ]);
  });

  it('is for agents only', () => {
    assertViolation(
      () => decide(addComment('hi', 'n-1', customer), given([opened()])),
      'forbidden',
      'You are not permitted to add a comment',
    );
  });

  it('refuses a comment id already used on the ticket', () => {
    assertViolation(
      () => decide(addComment('again'), given([opened(), commented('hi')])),
      'already-exists',
    );
  });
});

describe('EditComment', () => {
  const history = given([opened(), commented(`<p>${mention('sam@example.com')}</p>`)]);

  it('reports only the users the edit newly mentions', () => {
    const content = `<p>${mention('sam@example.com')} ${mention('kim@example.com')}</p>`;
    assert.deepEqual(decide(editComment(content), history), [
      {
        type: 'CommentEdited',
        data: {
          ...meta(AGENT),
          commentId: 'n-1',
          content,
          mentions: ['kim@example.com'],
          allMentions: ['sam@example.com', 'kim@example.com'],
        },
      },
    ]);
  });

  it('notifies a user mentioned again after an edit had removed them', () => {
    const removed = given([
      opened(),
      commented(`<p>${mention('sam@example.com')}</p>`),
      ...decide(editComment('<p>nobody</p>'), history),
    ]);
    const [event] = decide(editComment(`<p>${mention('sam@example.com')}</p>`), removed);
    assert.deepEqual(event?.type === 'CommentEdited' && event.data.mentions, ['sam@example.com']);
  });

  it('is for the author only', () => {
    assertViolation(
      () => decide(editComment('mine now', 'n-1', OTHER_AGENT), history),
      'forbidden',
      'You are not permitted to edit this comment',
    );
    assertViolation(() => decide(editComment('x', 'n-1', customer), history), 'forbidden');
  });

  it('refuses an unknown or deleted comment', () => {
    assertViolation(
      () => decide(editComment('x', 'n-9'), history),
      'not-found',
      'HD Ticket Comment n-9 not found',
    );
    const deleted = given([opened(), commented('hi'), ...decide(deleteComment(), history)]);
    assertViolation(() => decide(editComment('x'), deleted), 'not-found');
  });
});

describe('DeleteComment', () => {
  const history = given([opened(), commented('<p>hi</p>')]);

  it('lets the author delete their comment', () => {
    assert.deepEqual(decide(deleteComment(), history), [
      { type: 'CommentDeleted', data: { ...meta(AGENT), commentId: 'n-1' } },
    ]);
  });

  it("lets a manager delete someone else's comment, but not another agent", () => {
    assert.equal(decide(deleteComment('n-1', OTHER_AGENT, true), history).length, 1);
    assertViolation(
      () => decide(deleteComment('n-1', OTHER_AGENT, false), history),
      'forbidden',
      'You are not permitted to delete this comment',
    );
  });

  it('refuses non-agents and unknown comments', () => {
    assertViolation(() => decide(deleteComment('n-1', customer, true), history), 'forbidden');
    assertViolation(() => decide(deleteComment('n-2'), history), 'not-found');
  });
});

describe('PinComment', () => {
  it('pins a note for everyone, whoever wrote it, and unpins it', () => {
    const pinned = decide(pinComment(true, 'n-1', OTHER_AGENT), given([opened(), commented('x')]));
    assert.deepEqual(pinned, [
      {
        type: 'CommentPinned',
        data: { ...meta(OTHER_AGENT.actor), commentId: 'n-1', pinned: true },
      },
    ]);
    const history = [opened(), commented('x'), ...pinned];
    assert.deepEqual(
      decide(pinComment(false), given(history)).map((e) => e.type),
      ['CommentPinned'],
    );
  });

  it('changes nothing when the note is already so', () => {
    assert.deepEqual(decide(pinComment(false), given([opened(), commented('x')])), []);
  });

  it('is for agents only, on notes that exist', () => {
    assertViolation(
      () => decide(pinComment(true, 'n-1', customer), given([opened(), commented('x')])),
      'forbidden',
    );
    assertViolation(() => decide(pinComment(true, 'n-9'), given([opened()])), 'not-found');
  });
});
