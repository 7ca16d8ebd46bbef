import type { DocTypeMeta, FieldMeta } from '@helpdesk/shared-frappe-query';

/** Field types Frappe Helpdesk offers in its filter picker (`get_filterable_fields`). */
const FILTERABLE_TYPES = new Set<string>([
  'Check',
  'Data',
  'Float',
  'Int',
  'Link',
  'Long Text',
  'Select',
  'Small Text',
  'Text Editor',
  'Text',
  'Rating',
  'Duration',
  'Date',
  'Datetime',
]);

const STANDARD_ORDER = ['name', 'owner', 'modified_by', 'creation', 'modified'];

/** The fields a portal user may filter and sort on (frappe-api §2.3). */
const PORTAL_FIELDS = new Set([
  'name',
  'subject',
  'status',
  'priority',
  'response_by',
  'resolution_by',
  'creation',
  'customer',
]);

export interface FilterableField {
  fieldname: string;
  fieldtype: string;
  label: string;
  name: string;
  options: string | null;
}

export interface FieldOptions {
  portal: boolean;
  /** HD Settings restricts tickets by team: the team is not offered as a filter. */
  hideTeam: boolean;
}

/** Frappe's default label: the fieldname in title case (`ticket_type` → "Ticket Type"). */
export function labelOf(field: FieldMeta): string {
  if (field.label) return field.label;
  return field.fieldname
    .split('_')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

function describe(field: FieldMeta, label = labelOf(field)): FilterableField {
  return {
    fieldname: field.fieldname,
    fieldtype: field.fieldtype,
    label,
    name: field.fieldname,
    options: field.options ?? null,
  };
}

function isStandard(field: FieldMeta): boolean {
  return STANDARD_ORDER.includes(field.fieldname) || field.constant !== undefined;
}

function valueFields(meta: DocTypeMeta, portal: boolean): FieldMeta[] {
  return meta.fields.filter(
    (field) =>
      !isStandard(field) &&
      !field.hidden &&
      !field.fieldname.startsWith('_') &&
      FILTERABLE_TYPES.has(field.fieldtype) &&
      (!portal || PORTAL_FIELDS.has(field.fieldname)),
  );
}

function standardFields(meta: DocTypeMeta, portal: boolean): FieldMeta[] {
  return STANDARD_ORDER.map((name) => meta.fields.find((f) => f.fieldname === name)).filter(
    (field): field is FieldMeta =>
      field !== undefined && (!portal || PORTAL_FIELDS.has(field.fieldname)),
  );
}

/** `get_filterable_fields`: value fields, "Assigned to" for agents, then the standard fields. */
export function filterableFields(meta: DocTypeMeta, options: FieldOptions): FilterableField[] {
  const fields = valueFields(meta, options.portal)
    .filter((field) => !(options.hideTeam && field.fieldname === 'agent_group'))
    .map((field) => describe(field));
  const assign = meta.fields.find((field) => field.fieldname === '_assign');
  if (assign && !options.portal) {
    fields.push({ ...describe(assign, 'Assigned to'), fieldtype: 'Link', options: 'HD Agent' });
  }
  return [...fields, ...standardFields(meta, options.portal).map((field) => describe(field))];
}

/** The `fields` of `get_list_data`: what the list's filter and column pickers offer. */
export function listFields(meta: DocTypeMeta, options: FieldOptions) {
  return filterableFields(meta, options).map(({ label, fieldtype, fieldname, options }) => ({
    label,
    type: fieldtype,
    value: fieldname,
    options,
  }));
}

/** `sort_options`: value fields, then the standard ones, as `{label, value}`. */
export function sortOptions(meta: DocTypeMeta, portal: boolean) {
  return [...valueFields(meta, portal), ...standardFields(meta, portal)].map((field) => ({
    label: labelOf(field),
    value: field.fieldname,
  }));
}

const ID_FIRST = new Set(['HD Ticket', 'HD Agent', 'HD Customer']);
/** DocTypes whose quick filter is the ID alone, whatever their fields say. */
const ID_ONLY = new Set(['Contact', 'TP Call Log']);

/** `get_quick_filters`: ID first where Frappe puts it, then the `in_standard_filter` fields. */
export function quickFilters(meta: DocTypeMeta, portal: boolean) {
  const idFilter = { label: 'ID', name: 'name', type: 'Data' };
  if (ID_ONLY.has(meta.doctype)) return [idFilter];
  const id = ID_FIRST.has(meta.doctype) ? [idFilter] : [];
  const standard = meta.fields
    .filter((field) => field.inStandardFilter && !(portal && field.fieldname === 'customer'))
    .map((field) => ({
      label: labelOf(field),
      name: field.fieldname,
      type: field.fieldtype,
      options:
        field.fieldtype === 'Select'
          ? ['', ...(field.options ?? '').split('\n').filter(Boolean)].map((value) => ({
              label: value,
              value,
            }))
          : (field.options ?? null),
    }));
  return [...id, ...standard];
}
