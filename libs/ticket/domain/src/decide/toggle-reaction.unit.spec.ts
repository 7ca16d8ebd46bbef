import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRESET_EMOJIS } from '../comment-reactions.js';
import type { ToggleReaction } from '../ticket.commands.js';
import { decide } from '../ticket.decide.js';
import type { TicketEvent } from '../ticket.events.js';
import type { ExistingTicket } from '../ticket.state.js';
import {
  AGENT,
  addComment,
  agent,
  assertViolation,
  customer,
  given,
  meta,
  opened,
} from '../testing/ticket.fixtures.js';

const LEE = { ...agent, actor: 'lee@example.com' };

function react(emoji: string, by = LEE, reactionsEnabled = true): ToggleReaction {
  return {
    type: 'ToggleReaction',
    data: { name: 7, commentId: 'n-1', emoji },
    context: { ...by, reactionsEnabled },
  };
}

/** The history so far, plus what `command` decides on it. */
function after(history: TicketEvent[], command: ToggleReaction): TicketEvent[] {
  return [...history, ...decide(command, given(history))];
}

const noted = (): TicketEvent[] => {
  const history: TicketEvent[] = [opened()];
  return [...history, ...decide(addComment('<p>note</p>'), given(history))];
};

describe('ToggleReaction', () => {
  it('given a note, when an agent reacts, then the reaction is added for its author', () => {
    assert.deepEqual(decide(react('👍'), given(noted())), [
      {
        type: 'CommentReactionAdded',
        data: {
          ...meta('lee@example.com'),
          commentId: 'n-1',
          emoji: '👍',
          replaced: null,
          commentedBy: AGENT,
        },
      },
    ]);
  });

  it('given my reaction, when I choose another emoji, then it replaces mine', () => {
    const [event] = decide(react('🎉'), given(after(noted(), react('👍'))));
    assert.equal(event?.type, 'CommentReactionAdded');
    assert.deepEqual(event?.type === 'CommentReactionAdded' && event.data.replaced, '👍');
  });

  it('given my reaction, when I choose the same emoji, then it is removed', () => {
    const history = after(noted(), react('👍'));
    const [event] = decide(react('👍'), given(history));
    assert.equal(event?.type, 'CommentReactionRemoved');
    const ticket = given([...history, event!]) as ExistingTicket;
    assert.equal(ticket.comments.get('n-1')?.reactions.size, 0);
  });

  it('keeps one reaction per user, each user their own', () => {
    const history = after(after(after(noted(), react('👍')), react('❤️', agent)), react('👀'));
    const ticket = given(history) as ExistingTicket;
    assert.deepEqual(
      [...(ticket.comments.get('n-1')?.reactions ?? [])],
      [
        ['lee@example.com', '👀'],
        [AGENT, '❤️'],
      ],
    );
  });

  it('does nothing while reactions are turned off', () => {
    assert.deepEqual(decide(react('👍', LEE, false), given(noted())), []);
    assert.deepEqual(decide(react('not an emoji', LEE, false), given(noted())), []);
  });

  it('accepts the preset emojis only', () => {
    assertViolation(
      () => decide(react('🦄'), given(noted())),
      'invalid',
      `Invalid emoji. Only preset emojis are allowed: ${PRESET_EMOJIS.join(', ')}`,
    );
    assert.deepEqual(PRESET_EMOJIS, ['👍', '👎', '❤️', '🎉', '👀', '✅']);
  });

  it('refuses an unknown note, and customers, who never see notes', () => {
    const unknown: ToggleReaction = {
      ...react('👍'),
      data: { name: 7, commentId: 'n-9', emoji: '👍' },
    };
    assertViolation(() => decide(unknown, given(noted())), 'invalid', 'Comment not found');
    assertViolation(() => decide(react('👍', customer), given(noted())), 'forbidden');
  });
});
