import type { TicketEventMeta } from './lifecycle.events.js';

/** An outgoing ("Sent") Communication; `firstRespondedOn` is the ticket's value after it. */
export interface AgentReplied {
  type: 'AgentReplied';
  data: TicketEventMeta & {
    communicationId: string;
    subject: string;
    content: string;
    sender: string;
    recipients: string | null;
    cc: string | null;
    bcc: string | null;
    emailAccount: string | null;
    attachments: string[];
    firstRespondedOn: string;
  };
}

/** An incoming ("Received") Communication; `at` is the ticket's `last_customer_response`. */
export interface CustomerReplied {
  type: 'CustomerReplied';
  data: TicketEventMeta & {
    communicationId: string;
    subject: string;
    content: string;
    sender: string;
    attachments: string[];
    /** The message is the ticket's description, recorded at creation. */
    newTicket: boolean;
  };
}
