export { STANDARD_FIELDS } from '@helpdesk/shared-frappe-query';
