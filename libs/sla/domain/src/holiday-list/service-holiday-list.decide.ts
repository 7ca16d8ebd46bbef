import { changedFields, eventMeta } from '../agreement/document-fields.js';
import { SlaDocumentViolation } from '../agreement/sla-document-violation.js';
import {
  checkHolidayList,
  newHolidayListValues,
  normaliseHolidayListInput,
  withTotalHolidays,
} from './holiday-list-values.js';
import type {
  CreateServiceHolidayList,
  DeleteServiceHolidayList,
  ServiceHolidayListCommand,
  ServiceHolidayListContext,
  UpdateServiceHolidayList,
} from './service-holiday-list.commands.js';
import {
  HOLIDAY_LIST_DOCTYPE,
  HOLIDAY_LIST_LABELS,
  type ServiceHolidayListDocument,
} from './service-holiday-list.document.js';
import type { ServiceHolidayListEvent } from './service-holiday-list.events.js';
import type { ServiceHolidayListState } from './service-holiday-list.state.js';

/** The holiday list's own rules: the events a command produces, or an `SlaDocumentViolation`. */
export function decideServiceHolidayList(
  state: ServiceHolidayListState,
  command: ServiceHolidayListCommand,
  context: ServiceHolidayListContext,
): ServiceHolidayListEvent[] {
  switch (command.type) {
    case 'CreateServiceHolidayList':
      return createList(state, command, context);
    case 'UpdateServiceHolidayList':
      return updateList(state, command, context);
    case 'DeleteServiceHolidayList':
      return deleteList(state, command, context);
    default:
      return exhaustive(command);
  }
}

/** Named by `holiday_list_name`, which is taken once. */
function createList(
  state: ServiceHolidayListState,
  { data }: CreateServiceHolidayList,
  context: ServiceHolidayListContext,
): ServiceHolidayListEvent[] {
  const name = (data.values.holiday_list_name ?? '').trim();
  if (name === '') {
    const label = HOLIDAY_LIST_LABELS.holiday_list_name;
    throw SlaDocumentViolation.missing(HOLIDAY_LIST_DOCTYPE, label, 'holiday_list_name');
  }
  if (state.kind === 'present')
    throw SlaDocumentViolation.alreadyExists(HOLIDAY_LIST_DOCTYPE, name);
  const values = newHolidayListValues(name, data.values);
  checkHolidayList(values);
  return [{ type: 'ServiceHolidayListCreated', data: { ...eventMeta(name, context), values } }];
}

/** Records only what differs; the list as it would then be must still be valid. */
function updateList(
  state: ServiceHolidayListState,
  { data }: UpdateServiceHolidayList,
  context: ServiceHolidayListContext,
): ServiceHolidayListEvent[] {
  const { name, ...current } = existingList(state, data.name);
  const renamed = data.changes.holiday_list_name;
  if (renamed !== undefined && (renamed ?? '').trim() !== current.holiday_list_name) {
    throw SlaDocumentViolation.invalid(
      `Value cannot be changed for ${HOLIDAY_LIST_LABELS.holiday_list_name}`,
      ['holiday_list_name'],
    );
  }
  const next = withTotalHolidays({ ...current, ...normaliseHolidayListInput(data.changes) });
  const changes = changedFields(next, current);
  if (Object.keys(changes).length === 0) return [];
  checkHolidayList(next);
  return [{ type: 'ServiceHolidayListUpdated', data: { ...eventMeta(name, context), changes } }];
}

/** A list an SLA names cannot go, as Frappe's link check refuses it. */
function deleteList(
  state: ServiceHolidayListState,
  { data }: DeleteServiceHolidayList,
  context: ServiceHolidayListContext,
): ServiceHolidayListEvent[] {
  const list = existingList(state, data.name);
  const [agreement] = context.slasUsingList;
  if (agreement !== undefined) {
    throw new SlaDocumentViolation(
      'LinkExistsError',
      `Cannot delete or cancel because ${HOLIDAY_LIST_DOCTYPE} ${list.name} is linked with HD Service Level Agreement ${agreement}`,
    );
  }
  return [{ type: 'ServiceHolidayListDeleted', data: eventMeta(list.name, context) }];
}

function existingList(state: ServiceHolidayListState, name: string): ServiceHolidayListDocument {
  if (state.kind !== 'present') throw SlaDocumentViolation.notFound(HOLIDAY_LIST_DOCTYPE, name);
  return state.list;
}

function exhaustive(command: never): never {
  throw new Error(`unknown holiday list command ${JSON.stringify(command)}`);
}
