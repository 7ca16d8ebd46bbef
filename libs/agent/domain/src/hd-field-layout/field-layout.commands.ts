import type { CommandContext } from '../command-context.js';

/** What deciding about a layout needs beyond its own stream, read on the command's transaction. */
export interface FieldLayoutContext extends CommandContext {
  isUser(name: string): boolean;
  /**
   * Another personal layout of the user and type the layout would have after the command, read
   * while that pair is held until commit; absent when there is none or the layout is a system one.
   */
  samePersonalLayout?: string;
}

/** The values a caller sets; Select and Check values arrive unchecked, `null` clears. */
export interface FieldLayoutInput {
  document_type?: string | null;
  user?: string | null;
  type?: string | null;
  apply_to_system?: boolean;
  layout?: string | null;
}

export interface CreateFieldLayout {
  type: 'CreateFieldLayout';
  /** Chosen by the application (Frappe's hash naming). */
  name: string;
  fields: FieldLayoutInput;
  context: FieldLayoutContext;
}

export interface EditFieldLayout {
  type: 'EditFieldLayout';
  changes: FieldLayoutInput;
  context: FieldLayoutContext;
}

export interface RemoveFieldLayout {
  type: 'RemoveFieldLayout';
  context: FieldLayoutContext;
}

export type FieldLayoutCommand = CreateFieldLayout | EditFieldLayout | RemoveFieldLayout;
