import type { Sql } from '@helpdesk/shared-event-store';
import type { HdSettings, StatusCategory } from '@helpdesk/ticket-catalogue-domain';
import type { CatalogueReadModel } from './catalogue-read-model.port.js';

/** Catalogue facts the ticket rules look up, loaded once per command. */
export interface TicketLookups {
  settings: HdSettings;
  statusCategoryOf(status: string): StatusCategory | undefined;
  priorityExists(priority: string): boolean;
  typeExists(type: string): boolean;
  typePriorityOf(type: string): string | undefined;
  feedbackRatingOf(option: string): number | undefined;
}

export async function loadTicketLookups(
  sql: Sql,
  catalogues: CatalogueReadModel,
): Promise<TicketLookups> {
  // One connection runs one query at a time: awaiting each keeps pg from queueing them for us.
  const statuses = await catalogues.entries(sql, 'HD Ticket Status');
  const priorities = await catalogues.entries(sql, 'HD Ticket Priority');
  const types = await catalogues.entries(sql, 'HD Ticket Type');
  const feedback = await catalogues.entries(sql, 'HD Ticket Feedback Option');
  const settings = await catalogues.settings(sql);
  const byName = <T>(
    entries: { name: string; values: Record<string, unknown> }[],
    pick: (v: Record<string, unknown>) => T,
  ) => new Map(entries.map((e) => [e.name, pick(e.values)]));
  const categories = byName(statuses, (v) => v.category as StatusCategory);
  const typePriorities = byName(types, (v) => (v.priority as string | null) ?? undefined);
  const ratings = byName(feedback, (v) => Number(v.rating));
  const priorityNames = new Set(priorities.map((p) => p.name));
  return {
    settings,
    statusCategoryOf: (status) => categories.get(status),
    priorityExists: (priority) => priorityNames.has(priority),
    typeExists: (type) => typePriorities.has(type),
    typePriorityOf: (type) => typePriorities.get(type),
    feedbackRatingOf: (option) => ratings.get(option),
  };
}

/**
 * Lookups cached between commands and reloaded when the catalogue version moves, so a write reads
 * one row instead of every catalogue. The version is read in the command's transaction, and every
 * catalogue change bumps it in its own, so no replica decides with a catalogue older than the
 * version it read.
 */
export class TicketLookupsCache {
  private cached: { version: string; lookups: TicketLookups } | undefined;

  constructor(private readonly catalogues: CatalogueReadModel) {}

  async load(sql: Sql): Promise<TicketLookups> {
    const version = await this.catalogues.version(sql);
    if (this.cached?.version === version) return this.cached.lookups;
    const lookups = await loadTicketLookups(sql, this.catalogues);
    this.cached = { version, lookups };
    return lookups;
  }
}
