import type { DataSource } from 'typeorm';
import { decideOnStream, inRetriedTransaction } from './decide-in-transaction.js';
import type { PostgresEventStore } from './postgres-event-store.js';
import type { EventMetadata, RecordedEvent } from './recorded-event.js';
import type { Sql } from './sql.js';

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
  return inRetriedTransaction(
    dataSource,
    (sql) => decideOnStream(sql, spec, streamId, (state) => decide(state, sql), metadata),
    spec.maxRetries ?? 3,
  );
}
