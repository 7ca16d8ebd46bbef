import type { CustomerEvent } from './customer.events.js';
import type { CustomerRecord, CustomerState } from './customer.state.js';

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  const { at, by } = event.data;
  if (event.type === 'CustomerCreated') {
    const { at: _at, by: _by, ...created } = event.data;
    return {
      kind: 'present',
      customer: {
        ...created,
        name: created.customer_name,
        creation: at,
        owner: by,
        modified: at,
        modified_by: by,
      },
    };
  }
  if (state.kind === 'absent') return state;
  if (event.type === 'CustomerRemoved') return { kind: 'absent' };
  return {
    kind: 'present',
    customer: { ...apply(state.customer, event), modified: at, modified_by: by },
  };
}

function apply(
  customer: CustomerRecord,
  event: Exclude<CustomerEvent, { type: 'CustomerCreated' | 'CustomerRemoved' }>,
): CustomerRecord {
  switch (event.type) {
    case 'CustomerDetailsChanged':
      return { ...customer, ...event.data.changes };
    case 'CustomerContactsChanged':
      return { ...customer, contacts: event.data.contacts };
    case 'CustomerPrimaryContactChanged': {
      const { primary_contact, email_id, mobile_no } = event.data;
      return { ...customer, primary_contact, email_id, mobile_no };
    }
  }
}
