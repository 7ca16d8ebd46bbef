import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';
import { labelOf } from './list-view-fields.js';

/** One group of a group-by view: its heading and the value it collects. */
export interface GroupOption {
  label: string;
  value: string;
}

/** `get_list_data`'s `group_by_field` in a group-by view. */
export interface GroupByField {
  label: string;
  name: string;
  type: string;
  /** A Select field's options as Frappe lists them, else the groups present on the page. */
  options: string[] | GroupOption[];
}

/**
 * The groups of a group-by view (Helpdesk's `get_list_data`): a Select field offers its options;
 * any other field the distinct values on the page, with an empty group when some row has none,
 * sorted by label (descending when the list is ordered by that field descending), "General"
 * first. A group is labelled by its value: Helpdesk may look a label up in another DocType
 * (`label_doc`), which belongs to another service here.
 */
export function groupByField(
  meta: DocTypeMeta,
  fieldname: string,
  data: readonly unknown[],
  orderBy: unknown,
): GroupByField | string {
  const field = meta.fields.find((candidate) => candidate.fieldname === fieldname);
  if (!field) return fieldname;
  const described = { label: labelOf(field), name: fieldname, type: field.fieldtype };
  if (field.fieldtype === 'Select')
    return { ...described, options: (field.options ?? '').split('\n') };
  const values = data.map((row) => (row as Record<string, unknown>)[fieldname]);
  const present = [
    ...new Set(values.filter((value) => value !== null && value !== undefined && value !== '')),
  ];
  const options: GroupOption[] = present.map((value) => ({
    label: String(value),
    value: String(value),
  }));
  if (values.some((value) => value === null || value === undefined || value === ''))
    options.push({ label: '', value: '' });
  options.sort((a, b) => a.label.localeCompare(b.label));
  if (orderDirection(orderBy, fieldname) === 'desc') options.reverse();
  const general = options.findIndex((option) => option.label === 'General');
  if (general > 0) options.unshift(...options.splice(general, 1));
  return { ...described, options };
}

/** How `order_by` ("agent_group desc, modified asc") sorts on `fieldname`, if it does. */
function orderDirection(orderBy: unknown, fieldname: string): 'asc' | 'desc' | undefined {
  if (typeof orderBy !== 'string') return undefined;
  for (const part of orderBy.split(',')) {
    const [field, direction = 'asc'] = part.trim().split(/\s+/);
    if (field === fieldname) return direction.toLowerCase() === 'desc' ? 'desc' : 'asc';
  }
  return undefined;
}
