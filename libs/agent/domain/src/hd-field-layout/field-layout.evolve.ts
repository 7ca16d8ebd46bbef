import type { FieldLayoutEvent } from './field-layout.events.js';
import type { FieldLayoutState } from './field-layout.state.js';

export function evolveFieldLayout(
  state: FieldLayoutState,
  event: FieldLayoutEvent,
): FieldLayoutState {
  const { at, by } = event.data;
  switch (event.type) {
    case 'HdFieldLayoutCreated': {
      const { name, document_type, user, type, apply_to_system, layout } = event.data;
      return {
        kind: 'present',
        layout: {
          name,
          document_type,
          user,
          type,
          apply_to_system,
          layout,
          creation: at,
          modified: at,
          modified_by: by,
          owner: by,
        },
      };
    }
    case 'HdFieldLayoutChanged':
      if (state.kind === 'absent') return state;
      return {
        kind: 'present',
        layout: { ...state.layout, ...event.data.changes, modified: at, modified_by: by },
      };
    case 'HdFieldLayoutRemoved':
      return { kind: 'absent' };
  }
}
