/** Who acts and when, and the facts about other documents the rules read. */
export interface ServiceHolidayListContext {
  actor: string;
  now: Date;
  /** HD Service Level Agreements naming this list: while any does, it cannot be deleted. */
  slasUsingList: readonly string[];
}

export interface HolidayInput {
  holiday_date?: string | null;
  description?: string | null;
  weekly_off?: boolean | 0 | 1 | null;
}

/** Fields as a client sends them, by Frappe name; `holidays` is replaced whole. */
export interface ServiceHolidayListInput {
  holiday_list_name?: string | null;
  from_date?: string | null;
  to_date?: string | null;
  weekly_off?: string | null;
  holidays?: readonly HolidayInput[] | null;
  color?: string | null;
  description?: string | null;
}

/** Named by `holiday_list_name`. */
export interface CreateServiceHolidayList {
  type: 'CreateServiceHolidayList';
  data: { values: ServiceHolidayListInput };
}

export interface UpdateServiceHolidayList {
  type: 'UpdateServiceHolidayList';
  data: { name: string; changes: ServiceHolidayListInput };
}

export interface DeleteServiceHolidayList {
  type: 'DeleteServiceHolidayList';
  data: { name: string };
}

export type ServiceHolidayListCommand =
  CreateServiceHolidayList | UpdateServiceHolidayList | DeleteServiceHolidayList;
