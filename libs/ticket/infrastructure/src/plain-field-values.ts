import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { FieldValue } from '@helpdesk/ticket-domain';

/** Fields another service computed for a ticket are scalars or null; anything else is malformed. */
export function plainFieldValues(fields: object): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw FrappeError.validation(`${field} must be a plain value`);
    }
    values[field] = value as FieldValue;
  }
  return values;
}
