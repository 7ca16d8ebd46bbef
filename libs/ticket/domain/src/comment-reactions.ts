import { TicketRuleViolation } from './ticket-rule-violation.js';

/** The only emojis a note can be reacted to with (`PRESET_EMOJIS` in hd_ticket_comment.py). */
export const PRESET_EMOJIS: readonly string[] = ['👍', '👎', '❤️', '🎉', '👀', '✅'];

export function assertPresetEmoji(emoji: string): void {
  if (!PRESET_EMOJIS.includes(emoji)) {
    throw new TicketRuleViolation(
      'invalid',
      `Invalid emoji. Only preset emojis are allowed: ${PRESET_EMOJIS.join(', ')}`,
      ['emoji'],
    );
  }
}
