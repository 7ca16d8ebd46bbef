/** A list column as the Helpdesk web app renders it. */
export interface ListColumn {
  label: string;
  type: string;
  key: string;
  width: string;
}

/** A DocType's default view: its columns and the fields each row carries. */
export interface ListDefaults {
  columns: ListColumn[];
  rows: string[];
}

export const column = (label: string, type: string, key: string, width: string): ListColumn => ({
  label,
  type,
  key,
  width,
});

/** What a list shows when the caller names no columns: Frappe's own fallback. */
export function frappeDefaultColumns(): ListColumn[] {
  return [
    column('Name', 'Data', 'name', '16rem'),
    column('Last Modified', 'Datetime', 'modified', '8rem'),
  ];
}
