import { ownField, type TicketFields } from '@helpdesk/shared-conditions';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * The ToDo description from the rule's template. Only `{{ field }}` placeholders are filled,
 * from the ticket's own fields, as Jinja prints them (`None`, `True`, `False`); an unknown
 * field prints nothing. Other template syntax is left as written: it is never executed.
 */
export function renderRuleDescription(template: string, ticket: TicketFields): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const field = ownField(ticket, name);
    return field.found ? printed(field.value) : '';
  });
}

function printed(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
