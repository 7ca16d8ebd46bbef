import type { CatalogueEvent } from './catalogue.events.js';
import type { CatalogueValues } from './catalogue.schema.js';

export type CatalogueEntryState =
  { kind: 'none' } | { kind: 'present'; values: CatalogueValues } | { kind: 'removed' };

export const initialCatalogueEntry: CatalogueEntryState = { kind: 'none' };

export function evolveCatalogueEntry(
  state: CatalogueEntryState,
  event: CatalogueEvent,
): CatalogueEntryState {
  switch (event.type) {
    case 'CatalogueEntryAdded':
      return { kind: 'present', values: event.data.values };
    case 'CatalogueEntryChanged':
      return state.kind === 'present'
        ? { kind: 'present', values: { ...state.values, ...event.data.changes } }
        : state;
    case 'CatalogueEntryRemoved':
      return { kind: 'removed' };
    default:
      return exhaustive(event, state);
  }
}

function exhaustive(_: never, state: CatalogueEntryState): CatalogueEntryState {
  return state;
}
