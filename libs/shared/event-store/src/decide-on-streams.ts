import type { AggregateSpec, DomainEvent } from './handle-command.js';
import type { EventMetadata, RecordedEvent } from './recorded-event.js';
import type { Sql } from './sql.js';

export interface StreamsResult<S> {
  /** Each stream's state after the command. */
  states: ReadonlyMap<string, S>;
  /** Every appended event, in append order. */
  events: RecordedEvent[];
}

/** A stream's events folded into its state, and the version the next append must expect. */
export async function loadStream<S, E extends DomainEvent>(
  sql: Sql,
  spec: AggregateSpec<S, E>,
  streamId: string,
): Promise<{ state: S; version: number }> {
  const toDomain =
    spec.toDomain ?? ((event: RecordedEvent) => ({ type: event.type, data: event.data }) as E);
  const history = await spec.store.readStream(sql, streamId);
  const version = history.at(-1)?.streamVersion ?? 0;
  return { state: history.map(toDomain).reduce(spec.evolve, spec.initialState), version };
}

/**
 * One decision over several streams of the same aggregate type, on a transaction the caller
 * holds: every stream is loaded once, `decide` sees all their states together, and each stream's
 * events are appended at the version that was loaded, so a concurrent writer to any of them makes
 * the whole transaction fail with `ConcurrencyError` (nothing is half-applied). A stream that does
 * not exist yet is at version 0, and appending to it creates it. Appends go in stream-id order, so
 * two such commands lock shared streams in the same order instead of deadlocking. The appended
 * events are then projected together.
 */
export async function decideOnStreams<S, E extends DomainEvent>(
  sql: Sql,
  spec: AggregateSpec<S, E>,
  streamIds: readonly string[],
  decide: (
    states: ReadonlyMap<string, S>,
  ) => ReadonlyMap<string, E[]> | Promise<ReadonlyMap<string, E[]>>,
  metadata: EventMetadata,
): Promise<StreamsResult<S>> {
  const ids = [...new Set(streamIds)].sort();
  const loaded = new Map<string, { state: S; version: number }>();
  for (const id of ids) loaded.set(id, await loadStream(sql, spec, id));
  const decided = await decide(new Map([...loaded].map(([id, { state }]) => [id, state])));
  for (const id of decided.keys()) {
    if (!loaded.has(id)) throw new Error(`decided events for ${id}, which was not loaded`);
  }
  const states = new Map<string, S>();
  const events: RecordedEvent[] = [];
  for (const [id, { state, version }] of loaded) {
    const own = decided.get(id) ?? [];
    const appended = await spec.store.appendToStream(
      sql,
      id,
      version,
      own.map((event) => ({ type: event.type, data: event.data, metadata })),
    );
    events.push(...appended.events);
    states.set(id, own.reduce(spec.evolve, state));
  }
  if (spec.project && events.length > 0) await spec.project(sql, events);
  return { states, events };
}
