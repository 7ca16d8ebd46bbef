import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, waitFor, type TestDatabase } from '@helpdesk/shared-testing';
import type { DataSource } from 'typeorm';
import { Checkpoints } from './checkpoints.js';
import { ConcurrencyError } from './concurrency-error.js';
import { inRetriedTransaction } from './decide-in-transaction.js';
import { decideOnStreams } from './decide-on-streams.js';
import { handleCommand } from './handle-command.js';
import { createServiceDataSource, runMigrations } from './postgres-data-source.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { START_OF_LOG, positionOf } from './recorded-event.js';
import { inTransaction, sqlOf, withConnection, type Sql } from './sql.js';

const SCHEMA = 'es_test';
const store = new PostgresEventStore(SCHEMA);

describe('postgres event store', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  before(async () => {
    db = await createTestDatabase();
    dataSource = await createServiceDataSource({
      url: db.url,
      schema: SCHEMA,
      poolSize: 12,
      migrations: [(await import('./event-store.migration.js')).eventStoreMigration(SCHEMA)],
      applicationName: 'event-store-test',
    }).initialize();
    await runMigrations(dataSource, SCHEMA);
  });

  after(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const append = (streamId: string, expected: number, type = 'Happened') =>
    inTransaction(dataSource, (sql) =>
      store.appendToStream(sql, streamId, expected, [{ type, data: { streamId } }]),
    );

  it('appends and reads a stream in version order', async () => {
    await append('s-read', 0, 'First');
    await append('s-read', 1, 'Second');
    const events = await withConnection(dataSource, (sql) => store.readStream(sql, 's-read'));
    assert.deepEqual(
      events.map((e) => [e.streamVersion, e.type]),
      [
        [1, 'First'],
        [2, 'Second'],
      ],
    );
  });

  it('lets exactly one of many concurrent appends at the same expected version win', async () => {
    await append('s-race', 0);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => append('s-race', 1)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 9);
    for (const r of lost)
      assert.ok((r as PromiseRejectedResult).reason instanceof ConcurrencyError);
    const events = await withConnection(dataSource, (sql) => store.readStream(sql, 's-race'));
    assert.deepEqual(
      events.map((e) => e.streamVersion),
      [1, 2],
    );
  });

  it('refuses to create a stream twice and to append at a version the stream is not at', async () => {
    await append('s-exists', 0);
    await assert.rejects(append('s-exists', 0), ConcurrencyError);
    await assert.rejects(append('s-exists', 5), ConcurrencyError);
    await assert.rejects(append('s-missing', 3), ConcurrencyError);
  });

  it('creates many streams in one call, numbering each from 1 in the order given', async () => {
    const appended = await inTransaction(dataSource, (sql) =>
      store.appendNewStreams(sql, [
        { streamId: 's-bulk-a', events: [{ type: 'A1', data: {} }] },
        { streamId: 's-bulk-b', events: [] },
        {
          streamId: 's-bulk-c',
          events: [
            { type: 'C1', data: { n: 1 } },
            { type: 'C2', data: { n: 2 } },
          ],
        },
      ]),
    );
    assert.deepEqual(
      appended.map((e) => [e.streamId, e.streamVersion, e.type]),
      [
        ['s-bulk-a', 1, 'A1'],
        ['s-bulk-c', 1, 'C1'],
        ['s-bulk-c', 2, 'C2'],
      ],
    );
    assert.equal(new Set(appended.map((e) => e.transactionId)).size, 1);
    const positions = appended.map((e) => BigInt(e.globalPosition));
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => (a < b ? -1 : 1)),
    );
    const c = await withConnection(dataSource, (sql) => store.readStream(sql, 's-bulk-c'));
    assert.deepEqual(
      c.map((e) => e.data),
      [{ n: 1 }, { n: 2 }],
    );
    // The stream versions are claimed, so the next single append continues after them.
    await append('s-bulk-c', 2, 'C3');
    await assert.rejects(append('s-bulk-b', 1), ConcurrencyError);
  });

  it('writes nothing when any of the new streams exists already or is named twice', async () => {
    await append('s-bulk-taken', 0);
    const before = await eventCount();
    for (const clash of ['s-bulk-taken', 's-bulk-twice']) {
      await assert.rejects(
        inTransaction(dataSource, (sql) =>
          store.appendNewStreams(sql, [
            { streamId: 's-bulk-twice', events: [{ type: 'E', data: {} }] },
            { streamId: clash, events: [{ type: 'E', data: {} }] },
          ]),
        ),
        (error: unknown) => error instanceof ConcurrencyError && error.streamId === clash,
      );
    }
    assert.equal(await eventCount(), before);
    const twice = await withConnection(dataSource, (sql) => store.readStream(sql, 's-bulk-twice'));
    assert.deepEqual(twice, []);
  });

  it('re-runs a command that lost a race, so concurrent commands both apply', async () => {
    const spec = {
      store,
      initialState: 0,
      evolve: (count: number) => count + 1,
    };
    const bump = () =>
      handleCommand(
        dataSource,
        spec,
        's-retry',
        (count) => [{ type: 'Bumped', data: { seen: count } }],
        {
          actor: 'test',
        },
      );
    const results = await Promise.all([bump(), bump(), bump()]);
    assert.deepEqual(results.map((r) => r.version).sort(), [1, 2, 3]);
    const events = await withConnection(dataSource, (sql) => store.readStream(sql, 's-retry'));
    assert.deepEqual(
      events.map((e) => (e.data as { seen: number }).seen),
      [0, 1, 2],
    );
  });

  describe('one decision over several streams', () => {
    type Event = { type: 'Moved'; data: { amount: number } };
    const balances = {
      store,
      initialState: 0,
      // Streams start with an `Opened` event that moves nothing.
      evolve: (balance: number, event: Event) => balance + (event.data.amount ?? 0),
    };
    const moved = (amount: number): Event => ({ type: 'Moved', data: { amount } });
    const transfer = (from: string, to: string, amount: number) => (sql: Sql) =>
      decideOnStreams(
        sql,
        balances,
        [from, to],
        (states) => {
          if ((states.get(from) ?? 0) < amount) throw new Error('insufficient funds');
          return new Map([
            [from, [moved(-amount)]],
            [to, [moved(amount)]],
          ]);
        },
        { actor: 'test' },
      );
    const versionOf = async (streamId: string) =>
      (await withConnection(dataSource, (sql) => store.readStream(sql, streamId))).length;

    it('sees every state at once and appends to each stream, creating new ones', async () => {
      await append('s-acct-a', 0, 'Opened');
      await inTransaction(dataSource, (sql) =>
        store.appendToStream(sql, 's-acct-a', 1, [moved(10)]),
      );
      const result = await inTransaction(dataSource, transfer('s-acct-a', 's-acct-b', 4));
      assert.deepEqual(
        [...result.states],
        [
          ['s-acct-a', 6],
          ['s-acct-b', 4],
        ],
      );
      assert.deepEqual(
        result.events.map((e) => [e.streamId, e.streamVersion]),
        [
          ['s-acct-a', 3],
          ['s-acct-b', 1],
        ],
      );
      assert.equal(new Set(result.events.map((e) => e.transactionId)).size, 1);
    });

    it('appends nothing anywhere when the decision refuses', async () => {
      await assert.rejects(
        inTransaction(dataSource, transfer('s-acct-a', 's-acct-c', 100)),
        /insufficient funds/,
      );
      assert.equal(await versionOf('s-acct-a'), 3);
      assert.equal(await versionOf('s-acct-c'), 0);
    });

    it('rolls back every append when another writer changed any one stream meanwhile', async () => {
      const before = [await versionOf('s-acct-a'), await versionOf('s-acct-b')];
      await assert.rejects(
        inTransaction(dataSource, (sql) =>
          decideOnStreams(
            sql,
            balances,
            ['s-acct-a', 's-acct-b'],
            async () => {
              // A concurrent writer commits to the second stream after it was read.
              await inTransaction(dataSource, (other) =>
                store.appendToStream(other, 's-acct-b', before[1]!, [moved(1)]),
              );
              return new Map([
                ['s-acct-a', [moved(-1)]],
                ['s-acct-b', [moved(1)]],
              ]);
            },
            { actor: 'test' },
          ),
        ),
        ConcurrencyError,
      );
      assert.equal(await versionOf('s-acct-a'), before[0], 'the first stream was not appended to');
      assert.equal(await versionOf('s-acct-b'), before[1]! + 1, 'only the other writer’s event');
    });

    it('re-run after a lost race, concurrent transfers all apply exactly once', async () => {
      await append('s-acct-d', 0, 'Opened');
      await inTransaction(dataSource, (sql) =>
        store.appendToStream(sql, 's-acct-d', 1, [moved(10)]),
      );
      await Promise.all([
        inRetriedTransaction(dataSource, transfer('s-acct-d', 's-acct-e', 1), 10),
        inRetriedTransaction(dataSource, transfer('s-acct-e', 's-acct-d', 0), 10),
        inRetriedTransaction(dataSource, transfer('s-acct-d', 's-acct-e', 2), 10),
      ]);
      const sum = async (id: string) =>
        (await withConnection(dataSource, (sql) => store.readStream(sql, id)))
          .map((e) => (e.data as { amount?: number }).amount ?? 0)
          .reduce((a, b) => a + b, 0);
      assert.equal(await sum('s-acct-d'), 7);
      assert.equal(await sum('s-acct-e'), 3);
    });
  });

  it('never lets a reader skip a transaction that commits after a later-numbered one', async () => {
    const start = await latestPosition();
    const first = dataSource.createQueryRunner();
    const second = dataSource.createQueryRunner();
    await first.connect();
    await second.connect();
    try {
      await first.startTransaction();
      await second.startTransaction();
      const early = await store.appendToStream(sqlOf(first), 's-late-a', 0, [
        { type: 'Early', data: {} },
      ]);
      const late = await store.appendToStream(sqlOf(second), 's-late-b', 0, [
        { type: 'Late', data: {} },
      ]);
      assert.ok(BigInt(early.events[0]!.globalPosition) < BigInt(late.events[0]!.globalPosition));
      await second.commitTransaction();

      // The later position is committed but the earlier one is not: a reader going by position
      // alone would deliver `Late` and move past `Early` for ever. This one waits.
      const whileOpen = await withConnection(dataSource, (sql) =>
        store.readAllCommitted(sql, start, 100),
      );
      assert.deepEqual(
        whileOpen.map((e) => e.type),
        [],
      );

      await first.commitTransaction();
      // The horizon is cluster-wide: a transaction elsewhere on the server may hold it back a moment.
      const afterCommit = await waitFor(async () => {
        const events = await withConnection(dataSource, (sql) =>
          store.readAllCommitted(sql, start, 100),
        );
        return events.length === 2 ? events : undefined;
      });
      assert.deepEqual(
        afterCommit.map((e) => e.type),
        ['Early', 'Late'],
      );
    } finally {
      if (first.isTransactionActive) await first.rollbackTransaction();
      if (second.isTransactionActive) await second.rollbackTransaction();
      await first.release();
      await second.release();
    }
  });

  it('pages through the whole log in order, past positions 9 and 10', async () => {
    const start = await latestPosition();
    await inTransaction(dataSource, async (sql) => {
      for (let i = 1; i <= 25; i++)
        await store.appendToStream(sql, `s-page-${i}`, 0, [{ type: `E${i}`, data: {} }]);
    });
    const seen: string[] = [];
    let position = start;
    while (seen.length < 25) {
      const page = await waitFor(async () => {
        const events = await withConnection(dataSource, (sql) =>
          store.readAllCommitted(sql, position, 4),
        );
        return events.length > 0 ? events : undefined;
      });
      seen.push(...page.map((e) => e.type));
      position = positionOf(page.at(-1)!);
    }
    assert.deepEqual(
      seen,
      Array.from({ length: 25 }, (_, i) => `E${i + 1}`),
    );
  });

  it('keeps checkpoints moving forward only', async () => {
    const checkpoints = new Checkpoints(SCHEMA);
    const events = await withConnection(dataSource, (sql) =>
      store.readAllCommitted(sql, START_OF_LOG, 1000),
    );
    const last = positionOf(events.at(-1)!);
    const first = positionOf(events[0]!);
    await withConnection(dataSource, (sql) => checkpoints.store(sql, 'reader', last));
    await withConnection(dataSource, (sql) => checkpoints.store(sql, 'reader', first));
    assert.deepEqual(
      await withConnection(dataSource, (sql) => checkpoints.read(sql, 'reader')),
      last,
    );
  });

  async function eventCount(): Promise<number> {
    const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.events`)) as [
      { n: number },
    ];
    return n;
  }

  /** The position after every event committed so far, once all of them are visible. */
  async function latestPosition() {
    const n = await eventCount();
    const events = await waitFor(async () => {
      const visible = await withConnection(dataSource, (sql) =>
        store.readAllCommitted(sql, START_OF_LOG, 100_000),
      );
      return visible.length === n ? visible : undefined;
    });
    return events.length ? positionOf(events.at(-1)!) : START_OF_LOG;
  }
});
