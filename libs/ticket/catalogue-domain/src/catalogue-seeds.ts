import type { CatalogueDoctype, CatalogueValues } from './catalogue.schema.js';

export interface CatalogueSeed {
  doctype: CatalogueDoctype;
  name?: string;
  values: CatalogueValues;
}

/** What Frappe Helpdesk installs; added once, on first start, through the same commands. */
export const CATALOGUE_SEEDS: readonly CatalogueSeed[] = [
  ...(['Urgent', 'High', 'Medium', 'Low'] as const).map((level) => ({
    doctype: 'HD Ticket Priority' as const,
    name: level,
    values: { level },
  })),
  {
    doctype: 'HD Ticket Status',
    values: { label_agent: 'Open', category: 'Open', color: 'Red', order: 1 },
  },
  {
    doctype: 'HD Ticket Status',
    values: {
      label_agent: 'Replied',
      category: 'Paused',
      color: 'Blue',
      order: 2,
      different_view: 1,
      label_customer: 'Awaiting Response',
    },
  },
  {
    doctype: 'HD Ticket Status',
    values: { label_agent: 'Resolved', category: 'Resolved', color: 'Green', order: 3 },
  },
  {
    doctype: 'HD Ticket Status',
    values: { label_agent: 'Closed', category: 'Resolved', color: 'Gray', order: 4 },
  },
  { doctype: 'HD Ticket Type', name: 'Unspecified', values: { is_system: 1 } },
  { doctype: 'HD Ticket Type', name: 'Question', values: {} },
  { doctype: 'HD Ticket Type', name: 'Bug', values: {} },
  { doctype: 'HD Ticket Type', name: 'Incident', values: {} },
  ...(
    [
      [0.2, 'Response did not help'],
      [0.2, 'No resolution provided'],
      [0.4, 'Delayed response time'],
      [0.4, 'Adequate help, bit slow'],
      [0.6, 'Clear guidance given'],
      [0.6, 'Helpful answers, reasonable wait'],
      [0.8, 'Quick and precise solutions'],
      [0.8, 'Prompt, informative support'],
      [1, 'Exceptional support experience'],
      [1, 'Instant, top-notch help'],
    ] as const
  ).map(([rating, label]) => ({
    doctype: 'HD Ticket Feedback Option' as const,
    values: { label, rating },
  })),
];
