import type { FieldLayout } from './field-layout.js';

export interface FieldLayoutRecord extends FieldLayout {
  /** Frappe's hash naming: ten random lower-case hex characters. */
  name: string;
  creation: string;
  modified: string;
  modified_by: string;
  owner: string;
}

export type FieldLayoutState = { kind: 'absent' } | { kind: 'present'; layout: FieldLayoutRecord };

export const NO_FIELD_LAYOUT: FieldLayoutState = { kind: 'absent' };

export function fieldLayoutStreamId(name: string): string {
  return `field-layout-${name}`;
}
