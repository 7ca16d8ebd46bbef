import type { SlaDocumentEventMeta } from '../agreement/document-fields.js';
import type { ServiceHolidayListValues } from './service-holiday-list.document.js';

export interface ServiceHolidayListCreated {
  type: 'ServiceHolidayListCreated';
  data: SlaDocumentEventMeta & { values: ServiceHolidayListValues };
}

/**
 * Only the fields that changed, with their new values. Tickets open on SLAs using the list
 * get their deadlines recomputed, as Frappe's `on_update` re-saves them.
 */
export interface ServiceHolidayListUpdated {
  type: 'ServiceHolidayListUpdated';
  data: SlaDocumentEventMeta & { changes: Partial<ServiceHolidayListValues> };
}

export interface ServiceHolidayListDeleted {
  type: 'ServiceHolidayListDeleted';
  data: SlaDocumentEventMeta;
}

/**
 * Facts on a holiday list's stream. The `type` string is what is stored: never rename one; add
 * a new event or upcast on read instead.
 */
export type ServiceHolidayListEvent =
  ServiceHolidayListCreated | ServiceHolidayListUpdated | ServiceHolidayListDeleted;
