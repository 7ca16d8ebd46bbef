import type { ContactEvent } from './contact.events.js';
import type { ContactState } from './contact.state.js';

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  const { at, by, ...data } = event.data;
  const touched = { modified: at, modified_by: by };
  if (event.type === 'ContactCreated') {
    const { at: _at, by: _by, ...created } = event.data;
    return { kind: 'present', contact: { ...created, creation: at, owner: by, ...touched } };
  }
  if (event.type === 'ContactRemoved') return { kind: 'absent' };
  if (state.kind === 'absent') return state;
  return { kind: 'present', contact: { ...state.contact, ...data, ...touched } };
}
