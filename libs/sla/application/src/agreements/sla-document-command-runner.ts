import {
  inRetriedTransaction,
  withConnection,
  type EventMetadata,
  type PostgresEventStore,
  type RecordedEvent,
  type Sql,
} from '@helpdesk/shared-event-store';
import type { DataSource } from 'typeorm';
import type { SlaDocumentFacts, TicketCatalogue } from './sla-document-ports.js';
import { toSlaFrappeError } from './sla-document-errors.js';

export interface SlaDocumentCommandsOptions {
  dataSource: DataSource;
  store: PostgresEventStore;
  /** Updates the read models inside the append's transaction. */
  project: (sql: Sql, events: RecordedEvent[]) => Promise<void>;
  facts: SlaDocumentFacts;
  catalogue: TicketCatalogue;
  /** An SLA that names no zone keeps its working hours in this one. */
  siteTimeZone: string;
  now?: () => Date;
}

/** Who changes an SLA document: a user through the API, or Helpdesk itself (the seeds). */
export interface SlaActor {
  user: string;
  correlationId?: string;
}

/** What both SLA documents' commands share: the transaction, the clock, errors and history. */
export class SlaDocumentCommandRunner {
  readonly now: () => Date;

  constructor(
    private readonly options: SlaDocumentCommandsOptions,
    private readonly doctype: string,
    private readonly streamId: (name: string) => string,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Runs `work` in one transaction (re-run after a lost race); refusals become Frappe errors. */
  async run<T>(name: string, work: (sql: Sql) => Promise<T>): Promise<T> {
    try {
      return await inRetriedTransaction(this.options.dataSource, work);
    } catch (error) {
      throw toSlaFrappeError(error, this.doctype, name);
    }
  }

  metadata(actor: SlaActor): EventMetadata {
    return {
      actor: actor.user,
      ...(actor.correlationId ? { correlationId: actor.correlationId } : {}),
    };
  }

  async hasHistory(name: string): Promise<boolean> {
    const history = await withConnection(this.options.dataSource, (sql) =>
      this.options.store.readStream(sql, this.streamId(name)),
    );
    return history.length > 0;
  }
}
