import type { ServiceHolidayListDocument } from './service-holiday-list.document.js';
import type { ServiceHolidayListEvent } from './service-holiday-list.events.js';

/** A deleted list is absent again: a new list may take the name. */
export type ServiceHolidayListState =
  { kind: 'absent' } | { kind: 'present'; list: ServiceHolidayListDocument };

export const initialServiceHolidayListState: ServiceHolidayListState = { kind: 'absent' };

export function evolveServiceHolidayList(
  state: ServiceHolidayListState,
  event: ServiceHolidayListEvent,
): ServiceHolidayListState {
  switch (event.type) {
    case 'ServiceHolidayListCreated':
      return { kind: 'present', list: { name: event.data.name, ...event.data.values } };
    case 'ServiceHolidayListUpdated':
      return state.kind === 'present'
        ? { kind: 'present', list: { ...state.list, ...event.data.changes } }
        : state;
    case 'ServiceHolidayListDeleted':
      return { kind: 'absent' };
    default:
      return exhaustive(event, state);
  }
}

/** A stored event this version does not know is skipped, never a crash while folding. */
function exhaustive(_: never, state: ServiceHolidayListState): ServiceHolidayListState {
  return state;
}
