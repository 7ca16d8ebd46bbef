import {
  withConnection,
  type PostgresEventStore,
  type RecordedEvent,
} from '@helpdesk/shared-event-store';
import { formatFrappeDatetime, formatFrappeDate } from '@helpdesk/shared-frappe-api';
import { renderValue } from '@helpdesk/shared-frappe-query';
import type {
  FrappeDocument,
  TicketHistoryReader,
  TimelineEntry,
} from '@helpdesk/ticket-application';
import { TICKET_EVENTS_SUBJECT_PREFIX } from '@helpdesk/ticket-contracts';
import {
  ticketDocumentChanges,
  ticketStreamId,
  type TicketDocumentValue,
  type TicketEvent,
} from '@helpdesk/ticket-domain';
import type { DataSource } from 'typeorm';
import { HD_TICKET_META } from '../doctype-meta/hd-ticket.meta.js';
import { toTicketEventV1 } from '../ticket-integration-events.js';

/** Facts about internal notes, which customers never see. */
const INTERNAL_NOTES = new Set([
  'CommentAdded',
  'CommentEdited',
  'CommentPinned',
  'CommentDeleted',
  'CommentReactionAdded',
  'CommentReactionRemoved',
]);

function domainEvent(recorded: RecordedEvent): TicketEvent {
  return { type: recorded.type, data: recorded.data } as TicketEvent;
}

/** A merge or split names the notes it copied or moved: customers never see notes. */
function visibleData(data: Record<string, unknown>, includeComments: boolean) {
  if (includeComments || !('comments' in data)) return data;
  const { comments: _notes, ...rest } = data;
  return rest;
}

/** When the fact happened, by the clock the command was decided with. */
function occurredAt(event: TicketEvent): Date {
  return new Date(event.type === 'TicketOpened' ? event.data.openedAt : event.data.at);
}

/** A ticket's history read straight from its stream: the log is the truth, not the read model. */
export class PostgresTicketHistory implements TicketHistoryReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly timeZone: string,
  ) {}

  async timeline(name: number, options: { includeComments: boolean }): Promise<TimelineEntry[]> {
    const events = await this.stream(name);
    return events
      .filter((recorded) => options.includeComments || !INTERNAL_NOTES.has(recorded.type))
      .map((recorded) => {
        const contract = toTicketEventV1(recorded);
        return {
          version: recorded.streamVersion,
          event: contract.type.slice(TICKET_EVENTS_SUBJECT_PREFIX.length + 1),
          at: formatFrappeDatetime(occurredAt(domainEvent(recorded)), this.timeZone),
          by: contract.actor,
          data: visibleData(contract.data as Record<string, unknown>, options.includeComments),
        };
      });
  }

  async documentAsOf(name: number, instant: Date): Promise<FrappeDocument | undefined> {
    let fields: Record<string, TicketDocumentValue> | undefined;
    for (const recorded of await this.stream(name)) {
      const event = domainEvent(recorded);
      if (occurredAt(event) > instant) break;
      const change = ticketDocumentChanges(event);
      if (change.op === 'insert') fields = { ...change.fields };
      else if (change.op === 'update' && fields) Object.assign(fields, change.fields);
      else if (change.op === 'delete') fields = undefined;
    }
    return fields && this.render(fields);
  }

  /** Renders folded fields exactly as the read model's row would be rendered. */
  private render(fields: Record<string, TicketDocumentValue>): FrappeDocument {
    const document: FrappeDocument = { doctype: 'HD Ticket' };
    for (const field of HD_TICKET_META.fields) {
      if (field.constant !== undefined) {
        document[field.fieldname] = field.constant;
        continue;
      }
      let value: unknown = fields[field.fieldname];
      if (field.fieldname === 'opening_date' && value === undefined) {
        value = formatFrappeDate(new Date(String(fields.creation)), this.timeZone);
      }
      if (value === undefined) value = field.fieldtype === 'Check' ? false : null;
      document[field.fieldname] = renderValue(field.fieldtype, value, this.timeZone);
    }
    return document;
  }

  private stream(name: number): Promise<RecordedEvent[]> {
    return withConnection(this.dataSource, (sql) =>
      this.store.readStream(sql, ticketStreamId(name)),
    );
  }
}
