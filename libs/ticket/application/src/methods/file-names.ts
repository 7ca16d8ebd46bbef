import { FrappeError } from '@helpdesk/shared-frappe-api';

/** Attachments as File names, whether sent as names or as File documents (`{name, …}`). */
export function fileNames(value: readonly unknown[] | undefined): string[] {
  return (value ?? []).map((item) => {
    if (typeof item === 'string' && item.length <= 140) return item;
    if (typeof item === 'object' && item !== null) {
      const name = (item as { name?: unknown }).name;
      if (typeof name === 'string' && name.length <= 140) return name;
    }
    throw FrappeError.validation('attachments must be File names');
  });
}
