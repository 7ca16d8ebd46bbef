import {
  evolveServiceHolidayList,
  evolveServiceLevelAgreement,
  initialServiceHolidayListState,
  initialServiceLevelAgreementState,
  type ServiceHolidayListEvent,
  type ServiceLevelAgreementEvent,
} from '@helpdesk/sla-domain';
import {
  PostgresEventStore,
  type LogPosition,
  type RecordedEvent,
  type Sql,
} from '@helpdesk/shared-event-store';
import type { SlaDocumentV1 } from '@helpdesk/sla-contracts';
import { agreementStreamId, holidayListStreamId } from '@helpdesk/sla-application';

/** Each event's document after it, by event id (null once deleted), for one stream's history. */
type HistoryFold = (history: readonly RecordedEvent[]) => [string, SlaDocumentV1 | null][];

const FOLDS: readonly [prefix: string, fold: HistoryFold][] = [
  [
    agreementStreamId(''),
    foldHistory(initialServiceLevelAgreementState, evolveServiceLevelAgreement, (state) =>
      state.kind === 'present' ? state.agreement : null,
    ),
  ],
  [
    holidayListStreamId(''),
    foldHistory(initialServiceHolidayListState, evolveServiceHolidayList, (state) =>
      state.kind === 'present' ? state.list : null,
    ),
  ],
];

/**
 * sla-service's log as its relay reads it: each committed event of an SLA document comes with
 * the whole document as it stood after that event (its stream folded up to there), with
 * Frappe's `creation`, `owner`, `modified` and `modified_by`. Nothing extra is stored: the
 * public "saved" events carry whole documents while the log keeps only what changed.
 */
export class SlaDocumentLog extends PostgresEventStore {
  private readonly documents = new WeakMap<RecordedEvent, SlaDocumentV1>();

  override async readAllCommitted(
    sql: Sql,
    after: LogPosition,
    limit: number,
  ): Promise<RecordedEvent[]> {
    const events = await super.readAllCommitted(sql, after, limit);
    const wanted = new Map(events.map((event) => [event.eventId, event]));
    for (const streamId of new Set(events.map((event) => event.streamId))) {
      const fold = FOLDS.find(([prefix]) => streamId.startsWith(prefix))?.[1];
      if (!fold) continue;
      for (const [eventId, document] of fold(await this.readStream(sql, streamId))) {
        const event = wanted.get(eventId);
        if (event && document) this.documents.set(event, document);
      }
    }
    return events;
  }

  /** The document after `event`, for an event read through this log; undefined otherwise. */
  documentAfter(event: RecordedEvent): SlaDocumentV1 | undefined {
    return this.documents.get(event);
  }
}

function foldHistory<S, E extends ServiceLevelAgreementEvent | ServiceHolidayListEvent>(
  initial: S,
  evolve: (state: S, event: E) => S,
  documentOf: (state: S) => object | null,
): HistoryFold {
  return (history) => {
    let state = initial;
    let created: { at: string; by: string } | null = null;
    return history.map((recorded) => {
      const event = { type: recorded.type, data: recorded.data } as unknown as E;
      state = evolve(state, event);
      const document = documentOf(state);
      if (!document) {
        created = null;
        return [recorded.eventId, null];
      }
      created ??= { at: event.data.at, by: event.data.by };
      return [
        recorded.eventId,
        {
          ...document,
          creation: created.at,
          owner: created.by,
          modified: event.data.at,
          modified_by: event.data.by,
        },
      ];
    });
  };
}
