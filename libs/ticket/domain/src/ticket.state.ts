/** Only what `decide` needs to enforce the rules; the full document lives in the read model. */
export type TicketState =
  | { kind: 'none' }
  | {
      kind: 'open';
      name: number;
      subject: string;
      status: string;
      statusCategory: string;
      priority: string | null;
      ticketType: string;
      raisedBy: string;
    };

export const initialTicketState: TicketState = { kind: 'none' };

export function ticketStreamId(name: number): string {
  return `ticket-${name}`;
}
