/**
 * What the dashboards know of one ticket, folded from its public events. Every event carries the
 * values after its change, so each field keeps the stream version that last set it and takes a
 * value only from a later version: events applied twice, or out of order, end the same.
 */
export interface TicketFacts {
  ticket: number;
  /** `creation`: when the ticket was opened (ISO-8601); null until its opening is known. */
  creation: string | null;
  deleted: boolean;
  subject: string | null;
  status: string | null;
  statusCategory: string | null;
  priority: string | null;
  ticketType: string | null;
  /** `agent_group`. */
  team: string | null;
  customer: string | null;
  contact: string | null;
  viaCustomerPortal: boolean;
  /** `_assign`. */
  assignees: readonly string[];
  sla: string | null;
  agreementStatus: string | null;
  responseBy: string | null;
  /** Working seconds. */
  firstResponseTime: number | null;
  firstRespondedOn: string | null;
  /** Working seconds. */
  resolutionTime: number | null;
  resolutionDate: string | null;
  feedback: string | null;
  /** 0–1; stars are five times it. */
  feedbackRating: number | null;
  feedbackExtra: string | null;
  /** The latest change to the document (ISO-8601). */
  modified: string | null;
  /** The stream version that last set each field. */
  versions: Readonly<Partial<Record<FactField, number>>>;
}

export type FactField = Exclude<keyof TicketFacts, 'ticket' | 'versions' | 'modified'>;
export type FactValues = Partial<{ [K in FactField]: TicketFacts[K] }>;

/** One event as the facts need it: its version, when it happened, and the values it sets. */
export interface FactChange {
  ticket: number;
  version: number;
  at: string;
  fields: FactValues;
  /** Whether the change is a change to the document (it moves `modified`). */
  touches: boolean;
}

export function emptyTicketFacts(ticket: number): TicketFacts {
  return {
    ticket,
    creation: null,
    deleted: false,
    subject: null,
    status: null,
    statusCategory: null,
    priority: null,
    ticketType: null,
    team: null,
    customer: null,
    contact: null,
    viaCustomerPortal: false,
    assignees: [],
    sla: null,
    agreementStatus: null,
    responseBy: null,
    firstResponseTime: null,
    firstRespondedOn: null,
    resolutionTime: null,
    resolutionDate: null,
    feedback: null,
    feedbackRating: null,
    feedbackExtra: null,
    modified: null,
    versions: {},
  };
}

/** The facts after one change; the same object when the change was already known. */
export function evolveTicketFacts(facts: TicketFacts, change: FactChange): TicketFacts {
  let next: TicketFacts | undefined;
  const versions: Partial<Record<FactField, number>> = { ...facts.versions };
  for (const [field, value] of Object.entries(change.fields) as [FactField, unknown][]) {
    if (value === undefined || change.version <= (versions[field] ?? 0)) continue;
    // A deleted ticket stays deleted; nothing later can bring it back.
    if (field === 'deleted' && facts.deleted) continue;
    next ??= { ...facts };
    (next as unknown as Record<string, unknown>)[field] = value;
    versions[field] = change.version;
  }
  const modified =
    change.touches &&
    (facts.modified === null || Date.parse(change.at) > Date.parse(facts.modified))
      ? change.at
      : facts.modified;
  if (!next && modified === facts.modified) return facts;
  return { ...(next ?? facts), modified, versions };
}

/** Whether the ticket counts on dashboards: opened, and not deleted. */
export function isCounted(facts: TicketFacts): facts is TicketFacts & { creation: string } {
  return facts.creation !== null && !facts.deleted;
}
