/**
 * A rule of the knowledge base said no. `kind` is Frappe's exception class, so the application
 * answers with the status and message Frappe would.
 */
export class KnowledgeRefusal extends Error {
  constructor(
    readonly kind:
      | 'ValidationError'
      | 'MandatoryError'
      | 'LinkValidationError'
      | 'DuplicateEntryError'
      | 'DoesNotExistError'
      | 'PermissionError',
    message: string,
  ) {
    super(message);
    this.name = 'KnowledgeRefusal';
  }
}

export function refuse(kind: KnowledgeRefusal['kind'], message: string): never {
  throw new KnowledgeRefusal(kind, message);
}
