export type CatalogueRuleKind =
  'mandatory' | 'invalid' | 'already-exists' | 'not-found' | 'forbidden';

export class CatalogueRuleViolation extends Error {
  constructor(
    readonly kind: CatalogueRuleKind,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'CatalogueRuleViolation';
  }
}
