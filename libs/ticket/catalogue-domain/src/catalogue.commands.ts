import type { CatalogueDoctype, CatalogueValues } from './catalogue.schema.js';

/** Everything decide needs besides the entry itself: who, when, and the other entries. */
export interface CatalogueContext {
  actor: string;
  now: Date;
  /** The other entries of the same doctype as they are now (for "at least one must remain"). */
  siblings: ReadonlyArray<{ name: string; values: CatalogueValues }>;
  /** Whether a link target exists, e.g. a ticket type's priority. */
  exists: (doctype: CatalogueDoctype, name: string) => boolean;
  /** Status names HD Settings refers to (default and reopen status). */
  statusesInUse: ReadonlySet<string>;
  /** Seeding may set system-only fields. */
  system?: boolean;
}

export interface AddCatalogueEntry {
  type: 'AddCatalogueEntry';
  data: { doctype: CatalogueDoctype; values: CatalogueValues; name?: string };
  context: CatalogueContext;
}

export interface ChangeCatalogueEntry {
  type: 'ChangeCatalogueEntry';
  data: { doctype: CatalogueDoctype; name: string; changes: CatalogueValues };
  context: CatalogueContext;
}

export interface RemoveCatalogueEntry {
  type: 'RemoveCatalogueEntry';
  data: { doctype: CatalogueDoctype; name: string };
  context: CatalogueContext;
}

export type CatalogueCommand = AddCatalogueEntry | ChangeCatalogueEntry | RemoveCatalogueEntry;
