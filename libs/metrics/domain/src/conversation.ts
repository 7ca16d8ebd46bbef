/** Who wrote a Communication on the ticket: the customer ("Received") or an agent ("Sent"). */
export type MessageDirection = 'received' | 'sent';

export interface ConversationMessage {
  direction: MessageDirection;
  /** When it was written, an ISO-8601 instant. */
  at: string;
  /**
   * Where it was recorded in the ticket's stream (`ticketVersion`, then its place in the event),
   * which orders messages written in the same millisecond.
   */
  position: number;
}

/**
 * A ticket's conversation as the response metrics need it: each Communication by id, and the ids
 * that moved to another ticket (a split). Kept as a set so that facts can be applied in any
 * order and any number of times with the same result: redelivered or overtaking events change
 * nothing.
 */
export interface Conversation {
  readonly messages: Readonly<Record<string, ConversationMessage>>;
  /** Ids that left this ticket; a late fact adding one of them again is ignored. */
  readonly movedAway: readonly string[];
}

export type ConversationFact =
  | { type: 'message'; id: string; direction: MessageDirection; at: Date; position: number }
  | { type: 'moved-away'; ids: readonly string[] };

export const emptyConversation: Conversation = { messages: {}, movedAway: [] };

export function evolveConversation(state: Conversation, fact: ConversationFact): Conversation {
  switch (fact.type) {
    case 'message': {
      if (state.movedAway.includes(fact.id) || Object.hasOwn(state.messages, fact.id)) {
        return state;
      }
      const message = {
        direction: fact.direction,
        at: fact.at.toISOString(),
        position: fact.position,
      };
      return { ...state, messages: { ...state.messages, [fact.id]: message } };
    }
    case 'moved-away': {
      const leaving = fact.ids.filter((id) => !state.movedAway.includes(id));
      if (leaving.length === 0) return state;
      const messages = Object.fromEntries(
        Object.entries(state.messages).filter(([id]) => !leaving.includes(id)),
      );
      return { messages, movedAway: [...state.movedAway, ...leaving].sort() };
    }
  }
}
