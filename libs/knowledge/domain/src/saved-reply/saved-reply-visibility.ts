import type { SavedReply } from './saved-reply.js';

/** What decides whether someone may use a saved reply. */
export interface SavedReplyViewer {
  user: string;
  /** Agent Managers and System Managers see every reply but others' Personal ones. */
  isManager: boolean;
  /** The HD Teams the viewer is a member of. */
  teams: readonly string[];
}

/** The HD Settings that narrow what agents see. */
export interface SavedReplySettings {
  /** `disable_saved_replies_global_scope`. */
  globalScopeDisabled: boolean;
  /** `restrict_tickets_by_agent_group`: Team replies only for the teams' members. */
  restrictedByTeam: boolean;
}

/**
 * `hd_saved_reply.has_permission` (frappe-api §1.12): the owner and managers may; Global unless
 * disabled; Team when restrictions are off or the viewer is in one of its teams; Personal only
 * for its owner. Managers' blanket right stops at other people's Personal replies, as the list
 * (`permission_query`) shows them.
 */
export function canUseSavedReply(
  reply: Pick<SavedReply, 'owner' | 'scope' | 'teams'>,
  viewer: SavedReplyViewer,
  settings: SavedReplySettings,
): boolean {
  if (reply.owner === viewer.user) return true;
  switch (reply.scope) {
    case 'Personal':
      return false;
    case 'Global':
      return viewer.isManager || !settings.globalScopeDisabled;
    case 'Team':
      return (
        viewer.isManager ||
        !settings.restrictedByTeam ||
        reply.teams.some((team) => viewer.teams.includes(team))
      );
  }
}
