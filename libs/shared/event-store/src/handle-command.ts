import type { DataSource } from 'typeorm';
import { ConcurrencyError } from './concurrency-error.js';
import type { PostgresEventStore } from './postgres-event-store.js';
import type { EventMetadata, RecordedEvent } from './recorded-event.js';
import { inTransaction, type Sql } from './sql.js';

export interface DomainEvent {
  type: string;
  data: object;
}

export interface AggregateSpec<S, E extends DomainEvent> {
  store: PostgresEventStore;
  initialState: S;
  evolve: (state: S, event: E) => S;
  /** Upcasts a stored event to the current domain type; the default trusts the stored shape. */
  toDomain?: (event: RecordedEvent) => E;
  /** Updates read models inside the append's transaction (read-your-writes for the owner). */
  project?: (sql: Sql, events: RecordedEvent[]) => Promise<void>;
  /** How many times a command is re-run after losing an optimistic-concurrency race. */
  maxRetries?: number;
}

export interface CommandResult<S> {
  state: S;
  version: number;
  events: RecordedEvent[];
}

/**
 * load → fold → decide → append(expected version) → project, in one transaction. A concurrent
 * writer makes the append fail; the whole command is re-run against the new state a bounded
 * number of times, then the `ConcurrencyError` reaches the caller.
 */
export async function handleCommand<S, E extends DomainEvent>(
  dataSource: DataSource,
  spec: AggregateSpec<S, E>,
  streamId: string,
  decide: (state: S, sql: Sql) => E[] | Promise<E[]>,
  metadata: EventMetadata,
): Promise<CommandResult<S>> {
  const toDomain =
    spec.toDomain ?? ((event: RecordedEvent) => ({ type: event.type, data: event.data }) as E);
  const attempts = (spec.maxRetries ?? 3) + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(dataSource, async (sql) => {
        const history = await spec.store.readStream(sql, streamId);
        const version = history.at(-1)?.streamVersion ?? 0;
        let state = history.map(toDomain).reduce(spec.evolve, spec.initialState);
        const decided = await decide(state, sql);
        const appended = await spec.store.appendToStream(
          sql,
          streamId,
          version,
          decided.map((event) => ({ type: event.type, data: event.data, metadata })),
        );
        state = decided.reduce(spec.evolve, state);
        if (spec.project && appended.events.length > 0) await spec.project(sql, appended.events);
        return { state, version: appended.nextExpectedVersion, events: appended.events };
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= attempts) throw error;
    }
  }
}
