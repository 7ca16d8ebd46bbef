import type { Sql } from '@helpdesk/shared-event-store';
import { factChangeOf } from '@helpdesk/metrics-application';
import {
  emptyTicketFacts,
  evolveTicketFacts,
  ROLLUP_KEYS,
  ROLLUP_MEASURES,
  RollupDelta,
  type FactChange,
  type FactField,
  type RollupTable,
  type TicketFacts,
} from '@helpdesk/metrics-domain';
import type { TicketEventV1 } from '@helpdesk/ticket-contracts';

interface FactsRow {
  ticket: string;
  creation: Date | null;
  deleted: boolean;
  subject: string | null;
  status: string | null;
  status_category: string | null;
  priority: string | null;
  ticket_type: string | null;
  team: string | null;
  customer: string | null;
  contact: string | null;
  via_customer_portal: boolean;
  assignees: string[];
  sla: string | null;
  agreement_status: string | null;
  response_by: Date | null;
  first_response_time: number | null;
  first_responded_on: Date | null;
  resolution_time: number | null;
  resolution_date: Date | null;
  feedback: string | null;
  feedback_rating: number | null;
  feedback_extra: string | null;
  modified: Date | null;
  versions: Partial<Record<FactField, number>>;
}

/** The facts columns and their SQL types, for writing a batch of rows at once. */
const FACT_COLUMNS: readonly [string, string][] = [
  ['ticket', 'bigint'],
  ['creation', 'timestamptz'],
  ['deleted', 'boolean'],
  ['subject', 'text'],
  ['status', 'text'],
  ['status_category', 'text'],
  ['priority', 'text'],
  ['ticket_type', 'text'],
  ['team', 'text'],
  ['customer', 'text'],
  ['contact', 'text'],
  ['via_customer_portal', 'boolean'],
  ['assignees', 'text[]'],
  ['sla', 'text'],
  ['agreement_status', 'text'],
  ['response_by', 'timestamptz'],
  ['first_response_time', 'double precision'],
  ['first_responded_on', 'timestamptz'],
  ['resolution_time', 'double precision'],
  ['resolution_date', 'timestamptz'],
  ['feedback', 'text'],
  ['feedback_rating', 'double precision'],
  ['feedback_extra', 'text'],
  ['modified', 'timestamptz'],
  ['versions', 'jsonb'],
];

const UPSERT_FACTS = `INSERT INTO metrics.dashboard_ticket (${FACT_COLUMNS.map(([c]) => c).join(', ')})
  SELECT ${FACT_COLUMNS.map(([c]) => c).join(', ')}
    FROM jsonb_to_recordset($1::jsonb) AS x(${FACT_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})
  ON CONFLICT (ticket) DO UPDATE SET ${FACT_COLUMNS.slice(1)
    .map(([c]) => `${c} = excluded.${c}`)
    .join(', ')}`;

export interface BatchOutcome {
  /** Tickets whose facts changed. */
  tickets: number;
  /** Rollup rows written. */
  cells: number;
}

/**
 * Applies a batch of ticket events to the dashboards' projection in the caller's transaction:
 * locks the tickets' facts rows (in ticket order), folds the events in, and writes the changed
 * facts and, for the rollups, each changed ticket's new contribution less its old one, summed
 * over the batch. Applying an event again changes nothing: every field keeps the version that
 * set it.
 */
export class DashboardProjection {
  constructor(private readonly timeZone: string) {}

  async apply(sql: Sql, events: readonly TicketEventV1[]): Promise<BatchOutcome> {
    const changes = new Map<number, FactChange[]>();
    for (const event of events) {
      const change = factChangeOf(event);
      const list = changes.get(change.ticket) ?? [];
      list.push(change);
      changes.set(change.ticket, list);
    }
    const tickets = [...changes.keys()].sort((a, b) => a - b);
    if (tickets.length === 0) return { tickets: 0, cells: 0 };
    await sql.query(
      `INSERT INTO metrics.dashboard_ticket (ticket)
         SELECT unnest($1::bigint[]) ORDER BY 1 ON CONFLICT DO NOTHING`,
      [tickets],
    );
    const { rows } = await sql.query<FactsRow>(
      `SELECT * FROM metrics.dashboard_ticket WHERE ticket = ANY($1::bigint[]) ORDER BY ticket FOR UPDATE`,
      [tickets],
    );
    const delta = new RollupDelta();
    const changed: TicketFacts[] = [];
    for (const row of rows) {
      const before = factsOf(row);
      const after = (changes.get(before.ticket) ?? [])
        .sort((a, b) => a.version - b.version)
        .reduce(evolveTicketFacts, before);
      if (after === before) continue;
      changed.push(after);
      delta.change(before, after, this.timeZone);
    }
    if (changed.length > 0) {
      await sql.query(UPSERT_FACTS, [JSON.stringify(changed.map(rowOf))]);
    }
    let cells = 0;
    for (const table of Object.keys(ROLLUP_KEYS) as RollupTable[]) {
      cells += await addToRollup(sql, table, delta);
    }
    return { tickets: changed.length, cells };
  }
}

async function addToRollup(sql: Sql, table: RollupTable, delta: RollupDelta): Promise<number> {
  const cells = delta.of(table);
  if (cells.length === 0) return 0;
  const keys = ROLLUP_KEYS[table];
  const measures = ROLLUP_MEASURES[table];
  const records = cells.map((cell) => {
    const record: Record<string, unknown> = {};
    keys.forEach((column, i) => (record[column] = cell.key[i]));
    for (const measure of measures) record[measure] = cell.measures[measure] ?? 0;
    return record;
  });
  const types = [
    ...keys.map(
      (column) =>
        `${column} ${column === 'by_team' ? 'boolean' : column === 'day' ? 'date' : 'text'}`,
    ),
    ...measures.map((measure) => `${measure} numeric`),
  ];
  await sql.query(
    `INSERT INTO metrics.${table}_rollup AS r (${[...keys, ...measures].join(', ')})
       SELECT ${[...keys, ...measures].join(', ')}
         FROM jsonb_to_recordset($1::jsonb) AS x(${types.join(', ')})
       ON CONFLICT (${keys.join(', ')}) DO UPDATE
         SET ${measures.map((m) => `${m} = r.${m} + excluded.${m}`).join(', ')}`,
    [JSON.stringify(records)],
  );
  return cells.length;
}

function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

function factsOf(row: FactsRow): TicketFacts {
  return {
    ...emptyTicketFacts(Number(row.ticket)),
    creation: iso(row.creation),
    deleted: row.deleted,
    subject: row.subject,
    status: row.status,
    statusCategory: row.status_category,
    priority: row.priority,
    ticketType: row.ticket_type,
    team: row.team,
    customer: row.customer,
    contact: row.contact,
    viaCustomerPortal: row.via_customer_portal,
    assignees: row.assignees,
    sla: row.sla,
    agreementStatus: row.agreement_status,
    responseBy: iso(row.response_by),
    firstResponseTime: row.first_response_time,
    firstRespondedOn: iso(row.first_responded_on),
    resolutionTime: row.resolution_time,
    resolutionDate: iso(row.resolution_date),
    feedback: row.feedback,
    feedbackRating: row.feedback_rating,
    feedbackExtra: row.feedback_extra,
    modified: iso(row.modified),
    versions: row.versions,
  };
}

function rowOf(facts: TicketFacts): Record<string, unknown> {
  return {
    ticket: facts.ticket,
    creation: facts.creation,
    deleted: facts.deleted,
    subject: facts.subject,
    status: facts.status,
    status_category: facts.statusCategory,
    priority: facts.priority,
    ticket_type: facts.ticketType,
    team: facts.team,
    customer: facts.customer,
    contact: facts.contact,
    via_customer_portal: facts.viaCustomerPortal,
    assignees: facts.assignees,
    sla: facts.sla,
    agreement_status: facts.agreementStatus,
    response_by: facts.responseBy,
    first_response_time: facts.firstResponseTime,
    first_responded_on: facts.firstRespondedOn,
    resolution_time: facts.resolutionTime,
    resolution_date: facts.resolutionDate,
    feedback: facts.feedback,
    feedback_rating: facts.feedbackRating,
    feedback_extra: facts.feedbackExtra,
    modified: facts.modified,
    versions: facts.versions,
  };
}
