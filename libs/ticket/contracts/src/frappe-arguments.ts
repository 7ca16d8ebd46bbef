import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A document name as Frappe methods take it: a number, or non-empty text of at most 140. */
export function IsDocName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDocName',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value)) ||
          (typeof value === 'string' && value.trim() !== '' && value.length <= 140),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a document name`,
      },
    },
    options,
  );
}

const FLAGS: readonly unknown[] = [true, false, 1, 0, '1', '0', 'true', 'false', ''];

/** A Frappe boolean argument: a JSON boolean, 0/1, or their text forms from a query string. */
export function IsFrappeFlag(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFrappeFlag',
      validator: {
        validate: (value: unknown) => FLAGS.includes(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be 0 or 1`,
      },
    },
    options,
  );
}
