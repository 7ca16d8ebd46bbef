import { refuse } from '../knowledge-refusal.js';

export const SAVED_REPLY_DOCTYPE = 'HD Saved Reply';
export const SAVED_REPLY_SCOPES = ['Global', 'Team', 'Personal'] as const;
export type SavedReplyScope = (typeof SAVED_REPLY_SCOPES)[number];

/** HD Saved Reply (frappe-api §1.12), named by its title when made. */
export interface SavedReply {
  name: string;
  title: string;
  /** A Jinja template over the ticket's and the agent's fields. */
  message: string;
  scope: SavedReplyScope;
  /** HD Team names; at least one when the scope is Team. */
  teams: string[];
  owner: string;
}

export type SavedReplyState =
  { kind: 'absent' } | { kind: 'present'; reply: SavedReply } | { kind: 'deleted' };

export const initialSavedReplyState: SavedReplyState = { kind: 'absent' };

interface Stamp {
  at: string;
  by: string;
}

export type SavedReplyFields = Pick<SavedReply, 'title' | 'message' | 'scope' | 'teams'>;

export type SavedReplyEvent =
  | { type: 'SavedReplyCreated'; data: Stamp & { reply: SavedReply } }
  | { type: 'SavedReplyRevised'; data: Stamp & { changes: Partial<SavedReplyFields> } }
  | { type: 'SavedReplyDeleted'; data: Stamp };

export function evolveSavedReply(state: SavedReplyState, event: SavedReplyEvent): SavedReplyState {
  switch (event.type) {
    case 'SavedReplyCreated':
      return { kind: 'present', reply: event.data.reply };
    case 'SavedReplyRevised':
      return state.kind === 'present'
        ? { kind: 'present', reply: { ...state.reply, ...event.data.changes } }
        : state;
    case 'SavedReplyDeleted':
      return { kind: 'deleted' };
  }
}

export interface SavedReplyActor {
  user: string;
  now: string;
}

export interface SavedReplyInput {
  title?: string | null;
  message?: string | null;
  scope?: string | null;
  teams?: string[] | null;
}

export function decideCreateSavedReply(
  state: SavedReplyState,
  input: SavedReplyInput,
  actor: SavedReplyActor,
): SavedReplyEvent[] {
  const title = required(input.title, 'Title');
  if (state.kind === 'present')
    refuse('DuplicateEntryError', `HD Saved Reply ${title} already exists`);
  const reply: SavedReply = {
    name: title,
    title,
    message: required(input.message, 'Message'),
    scope: scopeOf(input.scope ?? 'Global'),
    teams: input.teams ?? [],
    owner: actor.user,
  };
  assertTeams(reply);
  return [{ type: 'SavedReplyCreated', data: { at: actor.now, by: actor.user, reply } }];
}

export function decideReviseSavedReply(
  state: SavedReplyState,
  given: SavedReplyInput,
  actor: SavedReplyActor,
): SavedReplyEvent[] {
  const current = presentSavedReply(state);
  const changes: Partial<SavedReplyFields> = {};
  if (given.title !== undefined && given.title !== current.title) {
    changes.title = required(given.title, 'Title');
  }
  if (given.message !== undefined && given.message !== current.message) {
    changes.message = required(given.message, 'Message');
  }
  if (given.scope !== undefined && given.scope !== current.scope) {
    changes.scope = scopeOf(given.scope ?? 'Global');
  }
  if (given.teams !== undefined && !sameTeams(given.teams ?? [], current.teams)) {
    changes.teams = given.teams ?? [];
  }
  assertTeams({ ...current, ...changes });
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'SavedReplyRevised', data: { at: actor.now, by: actor.user, changes } }];
}

export function decideDeleteSavedReply(
  state: SavedReplyState,
  actor: SavedReplyActor,
): SavedReplyEvent[] {
  presentSavedReply(state);
  return [{ type: 'SavedReplyDeleted', data: { at: actor.now, by: actor.user } }];
}

export function presentSavedReply(state: SavedReplyState): SavedReply {
  if (state.kind !== 'present') refuse('DoesNotExistError', 'HD Saved Reply not found');
  return state.reply;
}

function required(value: string | null | undefined, label: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    refuse('MandatoryError', `Error: Value missing for HD Saved Reply: ${label}`);
  }
  return label === 'Title' ? value.trim() : value;
}

function scopeOf(value: string): SavedReplyScope {
  if (!(SAVED_REPLY_SCOPES as readonly string[]).includes(value)) {
    refuse(
      'ValidationError',
      `Scope cannot be "${value}". It should be one of "${SAVED_REPLY_SCOPES.join('", "')}"`,
    );
  }
  return value as SavedReplyScope;
}

function assertTeams(reply: SavedReply): void {
  if (reply.scope === 'Team' && reply.teams.length === 0) {
    refuse('MandatoryError', 'Please select at least one team for a Team scoped saved reply');
  }
}

function sameTeams(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((team, i) => team === b[i]);
}
