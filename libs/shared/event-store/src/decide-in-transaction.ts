import { ConcurrencyError } from './concurrency-error.js';
import { loadStream } from './decide-on-streams.js';
import type { AggregateSpec, CommandResult, DomainEvent } from './handle-command.js';
import type { EventMetadata } from './recorded-event.js';
import { inTransaction, type Sql } from './sql.js';
import type { DataSource } from 'typeorm';

/**
 * load → fold → decide → append(expected version) → project on a transaction the caller holds, so
 * one command can change several streams and either all of them change or none does.
 */
export async function decideOnStream<S, E extends DomainEvent>(
  sql: Sql,
  spec: AggregateSpec<S, E>,
  streamId: string,
  decide: (state: S) => E[] | Promise<E[]>,
  metadata: EventMetadata,
): Promise<CommandResult<S>> {
  const loaded = await loadStream(sql, spec, streamId);
  const { version } = loaded;
  let { state } = loaded;
  const decided = await decide(state);
  const appended = await spec.store.appendToStream(
    sql,
    streamId,
    version,
    decided.map((event) => ({ type: event.type, data: event.data, metadata })),
  );
  state = decided.reduce(spec.evolve, state);
  if (spec.project && appended.events.length > 0) await spec.project(sql, appended.events);
  return { state, version: appended.nextExpectedVersion, events: appended.events };
}

/** Runs `work` in one transaction, re-running it a bounded number of times after a lost race. */
export async function inRetriedTransaction<T>(
  dataSource: DataSource,
  work: (sql: Sql) => Promise<T>,
  maxRetries = 3,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(dataSource, work);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= maxRetries) throw error;
    }
  }
}
