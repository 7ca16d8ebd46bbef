import { CatalogueRuleViolation } from './catalogue-rule-violation.js';
import type {
  CatalogueField,
  CatalogueSchema,
  CatalogueValue,
  CatalogueValues,
} from './catalogue.schema.js';

export const ALLOWED_RATINGS = [0.2, 0.4, 0.6, 0.8, 1] as const;

/** Checks and normalises submitted values against the catalogue's fields. */
export function normaliseValues(
  schema: CatalogueSchema,
  submitted: CatalogueValues,
  options: { system: boolean },
): CatalogueValues {
  const out: CatalogueValues = {};
  for (const [field, raw] of Object.entries(submitted)) {
    const spec = Object.hasOwn(schema.fields, field) ? schema.fields[field] : undefined;
    if (!spec) throw new CatalogueRuleViolation('invalid', `Unknown field: ${field}`, [field]);
    if (spec.systemOnly && !options.system) continue;
    out[field] = normaliseValue(field, spec, raw);
  }
  return out;
}

function normaliseValue(field: string, spec: CatalogueField, raw: CatalogueValue): CatalogueValue {
  if (raw === null || raw === '') return spec.kind === 'check' ? 0 : null;
  switch (spec.kind) {
    case 'text':
    case 'link':
      if (typeof raw !== 'string') throw invalid(field, 'must be text');
      return raw;
    case 'select':
      if (typeof raw !== 'string' || !spec.options?.includes(raw)) {
        throw invalid(field, `must be one of ${spec.options?.join(', ')}`);
      }
      return raw;
    case 'check':
      if (raw === 1 || raw === '1') return 1;
      if (raw === 0 || raw === '0') return 0;
      throw invalid(field, 'must be 0 or 1');
    case 'int': {
      const value = Number(raw);
      if (!Number.isInteger(value)) throw invalid(field, 'must be an integer');
      return value;
    }
    case 'rating': {
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0.2 || value > 1) {
        throw new CatalogueRuleViolation('invalid', 'Rating must be between 0.2 and 1.0', [field]);
      }
      if (!ALLOWED_RATINGS.some((allowed) => Math.abs(allowed - value) < 1e-9)) {
        throw new CatalogueRuleViolation('invalid', `Rating ${value} is not allowed`, [field]);
      }
      return value;
    }
  }
}

function invalid(field: string, what: string): CatalogueRuleViolation {
  return new CatalogueRuleViolation('invalid', `${field} ${what}`, [field]);
}

export function withDefaults(schema: CatalogueSchema, values: CatalogueValues): CatalogueValues {
  const out: CatalogueValues = {};
  for (const [field, spec] of Object.entries(schema.fields)) {
    out[field] = values[field] ?? spec.default ?? null;
  }
  return out;
}
