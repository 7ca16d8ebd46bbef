import type { Stamp } from '../command-context.js';
import type { FieldLayout } from './field-layout.js';

export interface HdFieldLayoutCreated {
  type: 'HdFieldLayoutCreated';
  /** `name` is the stream's too; kept so the document folds from its events alone. */
  data: Stamp & FieldLayout & { name: string };
}

/** Only the fields that changed, with their new values. */
export interface HdFieldLayoutChanged {
  type: 'HdFieldLayoutChanged';
  data: Stamp & { changes: Partial<FieldLayout> };
}

export interface HdFieldLayoutRemoved {
  type: 'HdFieldLayoutRemoved';
  data: Stamp;
}

export type FieldLayoutEvent = HdFieldLayoutCreated | HdFieldLayoutChanged | HdFieldLayoutRemoved;
