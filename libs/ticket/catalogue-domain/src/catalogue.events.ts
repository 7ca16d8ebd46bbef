import type { CatalogueDoctype, CatalogueValues } from './catalogue.schema.js';

export interface CatalogueEntryAdded {
  type: 'CatalogueEntryAdded';
  data: {
    doctype: CatalogueDoctype;
    name: string;
    values: CatalogueValues;
    at: string;
    by: string;
  };
}

export interface CatalogueEntryChanged {
  type: 'CatalogueEntryChanged';
  data: {
    doctype: CatalogueDoctype;
    name: string;
    changes: CatalogueValues;
    at: string;
    by: string;
  };
}

export interface CatalogueEntryRemoved {
  type: 'CatalogueEntryRemoved';
  data: { doctype: CatalogueDoctype; name: string; at: string; by: string };
}

export type CatalogueEvent = CatalogueEntryAdded | CatalogueEntryChanged | CatalogueEntryRemoved;
