/**
 * The ticket catalogues (statuses, priorities, types, feedback options): which fields each entry
 * has, their kinds and defaults. Entries are named by one of their fields, as in Frappe.
 */
export type CatalogueDoctype =
  'HD Ticket Status' | 'HD Ticket Priority' | 'HD Ticket Type' | 'HD Ticket Feedback Option';

export type CatalogueFieldKind = 'text' | 'check' | 'int' | 'rating' | 'select' | 'link';

export interface CatalogueField {
  kind: CatalogueFieldKind;
  options?: readonly string[];
  default?: string | number;
  required?: boolean;
  /** Only the system may set it (e.g. `is_system` on ticket types). */
  systemOnly?: boolean;
}

export interface CatalogueSchema {
  doctype: CatalogueDoctype;
  /** The field whose value is the entry's `name`; `undefined` when the name is typed in (Prompt). */
  nameField?: string;
  fields: Readonly<Record<string, CatalogueField>>;
}

export const STATUS_CATEGORIES = ['Open', 'Paused', 'Resolved'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

const COLORS = [
  'Black',
  'Gray',
  'Blue',
  'Green',
  'Red',
  'Pink',
  'Orange',
  'Amber',
  'Yellow',
  'Cyan',
  'Teal',
  'Violet',
  'purple',
] as const;

export const CATALOGUE_SCHEMAS: Readonly<Record<CatalogueDoctype, CatalogueSchema>> = {
  'HD Ticket Status': {
    doctype: 'HD Ticket Status',
    nameField: 'label_agent',
    fields: {
      label_agent: { kind: 'text', required: true },
      label_customer: { kind: 'text' },
      different_view: { kind: 'check', default: 0 },
      category: { kind: 'select', options: STATUS_CATEGORIES, required: true },
      color: { kind: 'select', options: COLORS },
      order: { kind: 'int' },
      enabled: { kind: 'check', default: 1 },
    },
  },
  'HD Ticket Priority': {
    doctype: 'HD Ticket Priority',
    fields: {
      description: { kind: 'text' },
      level: {
        kind: 'select',
        options: ['Urgent', 'High', 'Medium', 'Low'],
        default: 'Medium',
        required: true,
      },
      disabled: { kind: 'check', default: 0 },
    },
  },
  'HD Ticket Type': {
    doctype: 'HD Ticket Type',
    fields: {
      description: { kind: 'text' },
      priority: { kind: 'link' },
      is_system: { kind: 'check', default: 0, systemOnly: true },
      disabled: { kind: 'check', default: 0 },
    },
  },
  'HD Ticket Feedback Option': {
    doctype: 'HD Ticket Feedback Option',
    nameField: 'label',
    fields: {
      label: { kind: 'text', required: true },
      rating: { kind: 'rating', required: true },
      disabled: { kind: 'check', default: 0 },
    },
  },
};

export function isCatalogueDoctype(doctype: string): doctype is CatalogueDoctype {
  return Object.hasOwn(CATALOGUE_SCHEMAS, doctype);
}

export type CatalogueValue = string | number | null;
export type CatalogueValues = Record<string, CatalogueValue>;

export function catalogueStreamId(doctype: CatalogueDoctype, name: string): string {
  return `catalogue-${doctype.toLowerCase().replaceAll(' ', '-')}-${name}`;
}
