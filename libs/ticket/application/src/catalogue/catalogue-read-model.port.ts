import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import type {
  CatalogueDoctype,
  CatalogueValues,
  HdSettings,
} from '@helpdesk/ticket-catalogue-domain';

export interface CatalogueEntry {
  name: string;
  values: CatalogueValues;
}

/** The catalogue and settings read models, as the handlers need them. */
export interface CatalogueReadModel {
  project(sql: Sql, events: RecordedEvent[]): Promise<void>;
  entries(sql: Sql, doctype: CatalogueDoctype): Promise<CatalogueEntry[]>;
  settings(sql: Sql): Promise<HdSettings>;
  /** Changes whenever any catalogue entry or HD Settings changes. */
  version(sql: Sql): Promise<string>;
}
