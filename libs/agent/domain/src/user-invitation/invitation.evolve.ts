import type { InvitationEvent } from './invitation.events.js';
import type { InvitationRecord, InvitationState } from './invitation.state.js';

export function evolveInvitation(state: InvitationState, event: InvitationEvent): InvitationState {
  const { at, by } = event.data;
  if (event.type === 'InvitationSent') {
    const { at: _at, by: _by, ...sent } = event.data;
    return {
      kind: 'present',
      invitation: {
        ...sent,
        status: 'Pending',
        invited_by: by,
        email_sent_at: at,
        accepted_at: null,
        user: null,
        creation: at,
        modified: at,
        modified_by: by,
        owner: by,
      },
    };
  }
  if (state.kind === 'absent') return state;
  return {
    kind: 'present',
    invitation: { ...apply(state.invitation, event), modified: at, modified_by: by },
  };
}

function apply(
  invitation: InvitationRecord,
  event: Exclude<InvitationEvent, { type: 'InvitationSent' }>,
): InvitationRecord {
  switch (event.type) {
    case 'InvitationResent':
      return {
        ...invitation,
        status: 'Pending',
        key_hash: event.data.key_hash,
        expires_at: event.data.expires_at,
        email_sent_at: event.data.at,
      };
    case 'InvitationAccepted':
      return {
        ...invitation,
        status: 'Accepted',
        key_hash: null,
        accepted_at: event.data.at,
        user: event.data.user,
      };
    case 'InvitationCancelled':
      return { ...invitation, status: 'Cancelled', key_hash: null };
  }
}
