import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';
import {
  column,
  ListViewMethods,
  type ListDefaults,
  type ListViewDoctype,
} from '@helpdesk/shared-list-view';
import type { PeopleDocType } from '../people-documents.port.js';
import type { PeopleResource } from '../resources/read-only-people.resource.js';
import { viewerIsAgent } from '../viewer.js';

/**
 * The default views Helpdesk gives agent-service's DocTypes (frappe-api §2.3): Contact's
 * `contact_default_columns` and HD Customer's `default_list_data()`. The others have none and
 * show Frappe's Name and Last Modified.
 */
const LIST_DEFAULTS: Partial<Record<PeopleDocType, ListDefaults>> = {
  Contact: {
    columns: [
      column('Name', 'Data', 'full_name', '17rem'),
      column('Email', 'Data', 'email_id', '24rem'),
      column('Mobile No', 'Data', 'mobile_no', '12rem'),
      column('Created On', 'Datetime', 'creation', '8rem'),
    ],
    rows: ['name', 'email_id', 'mobile_no', 'image', 'creation'],
  },
  'HD Customer': {
    columns: [
      column('Name', 'Data', 'name', '17rem'),
      column('Customer Type', 'Select', 'customer_type', '10rem'),
      column('Email ID', 'Data', 'email_id', '17rem'),
      column('Mobile No', 'Data', 'mobile_no', '12rem'),
      column('Created On', 'Datetime', 'creation', '8rem'),
    ],
    rows: ['customer_name', 'customer_type', 'email_id', 'mobile_no', 'creation', 'image'],
  },
};

/**
 * `helpdesk.api.doc.*` over agent-service's DocTypes: each lists and counts through its resource,
 * so a caller sees exactly the rows `/api/resource` shows them, and `get_filterable_fields`
 * refuses whoever may not read the DocType.
 */
export function peopleListViews(
  resources: ReadonlyMap<PeopleDocType, PeopleResource>,
  metas: Readonly<Record<PeopleDocType, DocTypeMeta>>,
): ListViewMethods {
  const doctypes = new Map<string, ListViewDoctype>();
  for (const [doctype, resource] of resources) {
    const defaults = LIST_DEFAULTS[doctype];
    doctypes.set(doctype, {
      resource,
      meta: metas[doctype],
      defaults: defaults && (() => structuredClone(defaults)),
      checkRead: (context) => resource.checkRead(context),
    });
  }
  return new ListViewMethods(doctypes, { isAgent: viewerIsAgent });
}
