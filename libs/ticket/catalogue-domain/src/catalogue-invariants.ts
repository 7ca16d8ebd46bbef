import type { CatalogueContext } from './catalogue.commands.js';
import { CatalogueRuleViolation } from './catalogue-rule-violation.js';
import type { CatalogueDoctype, CatalogueValues } from './catalogue.schema.js';

/** Rules about one entry's values as a whole (links exist, dependent fields present). */
export function checkWholeEntry(
  doctype: CatalogueDoctype,
  values: CatalogueValues,
  context: CatalogueContext,
  name?: string,
): void {
  if (doctype === 'HD Ticket Status' && values.different_view === 1 && !values.label_customer) {
    throw new CatalogueRuleViolation(
      'mandatory',
      'Error: Value missing for HD Ticket Status: label_customer',
      ['label_customer'],
    );
  }
  if (doctype === 'HD Ticket Type' && typeof values.priority === 'string') {
    if (!context.exists('HD Ticket Priority', values.priority)) {
      throw new CatalogueRuleViolation('invalid', `Could not find Priority: ${values.priority}`, [
        'priority',
      ]);
    }
  }
  if (doctype === 'HD Ticket Feedback Option' && values.disabled === 1) {
    requireAnotherEnabledOption(values, context, name);
  }
}

/** Frappe's HD Ticket Status rules for edits. */
export function checkStatusChange(
  name: string,
  current: CatalogueValues,
  next: CatalogueValues,
  context: CatalogueContext,
): void {
  if (name === 'Closed') {
    const changed = Object.keys(next).filter((field) => next[field] !== current[field]);
    if (changed.some((field) => field !== 'color' && field !== 'order')) {
      throw new CatalogueRuleViolation(
        'invalid',
        "Only the colour and order of the 'Closed' status can be changed.",
      );
    }
  }
  if (next.category !== current.category)
    requireAnotherInCategory(String(current.category), name, context);
  if (next.enabled === 0 && current.enabled !== 0) {
    const others = context.siblings.filter(
      (s) =>
        s.name !== name &&
        s.name !== 'Closed' &&
        s.values.category === current.category &&
        s.values.enabled !== 0,
    );
    if (others.length === 0) {
      throw new CatalogueRuleViolation(
        'invalid',
        `At least one enabled ticket status with category '${String(current.category)}' must exist in the system.`,
      );
    }
    refuseIfInUse(name, context);
  }
}

export function checkRemoval(
  doctype: CatalogueDoctype,
  name: string,
  values: CatalogueValues,
  context: CatalogueContext,
): void {
  if (doctype === 'HD Ticket Type' && values.is_system === 1) {
    throw new CatalogueRuleViolation('invalid', 'System types can not be deleted');
  }
  if (doctype === 'HD Ticket Status') {
    if (name === 'Closed')
      throw new CatalogueRuleViolation('invalid', "The 'Closed' status cannot be deleted.");
    requireAnotherInCategory(String(values.category), name, context);
    refuseIfInUse(name, context);
  }
  if (doctype === 'HD Ticket Feedback Option' && values.disabled !== 1) {
    requireAnotherEnabledOption(values, context, name);
  }
}

function requireAnotherInCategory(category: string, name: string, context: CatalogueContext): void {
  if (!context.siblings.some((s) => s.name !== name && s.values.category === category)) {
    throw new CatalogueRuleViolation(
      'invalid',
      `At least one ticket status with category '${category}' must exist in the system.`,
    );
  }
}

function refuseIfInUse(name: string, context: CatalogueContext): void {
  if (context.statusesInUse.has(name)) {
    throw new CatalogueRuleViolation(
      'invalid',
      `Status ${name} is the default or reopen status in HD Settings; choose another one there first.`,
    );
  }
}

function requireAnotherEnabledOption(
  values: CatalogueValues,
  context: CatalogueContext,
  name?: string,
): void {
  const others = context.siblings.filter(
    (s) => s.name !== name && s.values.rating === values.rating && s.values.disabled !== 1,
  );
  if (others.length === 0) {
    throw new CatalogueRuleViolation(
      'invalid',
      `At least one feedback option must be enabled for rating ${String(values.rating)}`,
    );
  }
}
