import type {
  AddCatalogueEntry,
  CatalogueCommand,
  CatalogueContext,
  ChangeCatalogueEntry,
  RemoveCatalogueEntry,
} from './catalogue.commands.js';
import type { CatalogueEvent } from './catalogue.events.js';
import { CatalogueRuleViolation } from './catalogue-rule-violation.js';
import { normaliseValues, withDefaults } from './catalogue-values.js';
import { CATALOGUE_SCHEMAS, type CatalogueValues } from './catalogue.schema.js';
import type { CatalogueEntryState } from './catalogue.state.js';
import { checkRemoval, checkStatusChange, checkWholeEntry } from './catalogue-invariants.js';

export function decideCatalogue(
  command: CatalogueCommand,
  state: CatalogueEntryState,
): CatalogueEvent[] {
  switch (command.type) {
    case 'AddCatalogueEntry':
      return [add(command, state)];
    case 'ChangeCatalogueEntry':
      return change(command, state);
    case 'RemoveCatalogueEntry':
      return [remove(command, state)];
    default:
      return exhaustive(command);
  }
}

function add({ data, context }: AddCatalogueEntry, state: CatalogueEntryState): CatalogueEvent {
  const schema = CATALOGUE_SCHEMAS[data.doctype];
  const values = withDefaults(
    schema,
    normaliseValues(schema, data.values, { system: Boolean(context.system) }),
  );
  const name = (schema.nameField ? values[schema.nameField] : data.name)?.toString().trim() ?? '';
  if (name === '') {
    const field = schema.nameField ?? 'name';
    throw new CatalogueRuleViolation(
      'mandatory',
      `Error: Value missing for ${data.doctype}: ${field}`,
      [field],
    );
  }
  if (state.kind === 'present') {
    throw new CatalogueRuleViolation('already-exists', `${data.doctype} ${name} already exists`);
  }
  if (schema.nameField) values[schema.nameField] = name;
  checkWholeEntry(data.doctype, values, context);
  return {
    type: 'CatalogueEntryAdded',
    data: { doctype: data.doctype, name, values, ...stamp(context) },
  };
}

function change(
  { data, context }: ChangeCatalogueEntry,
  state: CatalogueEntryState,
): CatalogueEvent[] {
  const current = present(state, data.doctype, data.name);
  const schema = CATALOGUE_SCHEMAS[data.doctype];
  const submitted = normaliseValues(schema, data.changes, { system: Boolean(context.system) });
  const changes: CatalogueValues = {};
  for (const [field, value] of Object.entries(submitted)) {
    if (current[field] !== value) changes[field] = value;
  }
  if (Object.keys(changes).length === 0) return [];
  if (schema.nameField && schema.nameField in changes) {
    throw new CatalogueRuleViolation(
      'invalid',
      data.doctype === 'HD Ticket Status' && data.name === 'Closed'
        ? "The 'Closed' status cannot be renamed."
        : `${schema.nameField} names the ${data.doctype} and cannot be changed`,
    );
  }
  const next = { ...current, ...changes };
  if (data.doctype === 'HD Ticket Status') checkStatusChange(data.name, current, next, context);
  checkWholeEntry(data.doctype, next, context, data.name);
  return [
    {
      type: 'CatalogueEntryChanged',
      data: { doctype: data.doctype, name: data.name, changes, ...stamp(context) },
    },
  ];
}

function remove(
  { data, context }: RemoveCatalogueEntry,
  state: CatalogueEntryState,
): CatalogueEvent {
  const current = present(state, data.doctype, data.name);
  checkRemoval(data.doctype, data.name, current, context);
  return {
    type: 'CatalogueEntryRemoved',
    data: { doctype: data.doctype, name: data.name, ...stamp(context) },
  };
}

function present(state: CatalogueEntryState, doctype: string, name: string): CatalogueValues {
  if (state.kind !== 'present')
    throw new CatalogueRuleViolation('not-found', `${doctype} ${name} not found`);
  return state.values;
}

function stamp(context: CatalogueContext) {
  return { at: context.now.toISOString(), by: context.actor };
}

function exhaustive(command: never): never {
  throw new Error(`unknown catalogue command ${JSON.stringify(command)}`);
}
