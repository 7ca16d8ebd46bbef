/**
 * The Frappe exception class a refusal is reported as (`exc_type`). All are ValidationError
 * subclasses (HTTP 417) except DoesNotExistError (404) and DuplicateEntryError (409).
 */
export type SlaExcType =
  | 'ValidationError'
  | 'MandatoryError'
  | 'LinkValidationError'
  | 'LinkExistsError'
  | 'DoesNotExistError'
  | 'DuplicateEntryError';

/**
 * A command the HD Service Level Agreement or HD Service Holiday List rules refuse, with
 * Frappe's exception class and message; the application renders it as Frappe's error.
 */
export class SlaDocumentViolation extends Error {
  constructor(
    readonly excType: SlaExcType,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'SlaDocumentViolation';
  }

  static invalid(message: string, fields: string[] = []): SlaDocumentViolation {
    return new SlaDocumentViolation('ValidationError', message, fields);
  }

  /** Frappe's mandatory-field message, named by the field's label. */
  static missing(doctype: string, label: string, field: string): SlaDocumentViolation {
    return new SlaDocumentViolation(
      'MandatoryError',
      `Error: Value missing for ${doctype}: ${label}`,
      [field],
    );
  }

  static notFound(doctype: string, name: string): SlaDocumentViolation {
    return new SlaDocumentViolation('DoesNotExistError', `${doctype} ${name} not found`);
  }

  static alreadyExists(doctype: string, name: string): SlaDocumentViolation {
    return new SlaDocumentViolation('DuplicateEntryError', `${doctype} ${name} already exists`);
  }
}
