export {
  FrappeListQueries,
  type CountShortcut,
  type RowFilter,
} from '@helpdesk/shared-frappe-query';
