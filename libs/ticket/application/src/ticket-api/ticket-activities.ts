import type { PeopleDirectory } from '../people/people-directory.port.js';
import type { ActivityRow, TicketActivityReader } from './ticket-activity.port.js';
import { userAvatars } from './user-avatars.js';

/** `{name, file_url, file_name}`; only the File name is known, so it serves as the file name too. */
export interface AttachmentRow {
  name: string;
  file_url: string | null;
  file_name: string;
}

export interface TicketActivities {
  comments: ActivityRow[];
  communications: ActivityRow[];
  history: ActivityRow[];
  views: ActivityRow[];
  calls: never[];
}

/**
 * What `get_one` and `get_ticket_activities` show of a ticket's life, each entry with its user's
 * avatar. Internal notes and the activity log are for agents only (HD Ticket Comment and HD Ticket
 * Activity have no customer permission); there is no telephony, so `calls` is always empty.
 */
export async function ticketActivities(
  reader: TicketActivityReader,
  people: PeopleDirectory,
  ticket: number,
  viewerIsAgent: boolean,
): Promise<TicketActivities> {
  const [comments, communications, history, views] = await Promise.all([
    viewerIsAgent ? reader.comments(ticket) : [],
    reader.communications(ticket),
    viewerIsAgent ? reader.history(ticket) : [],
    reader.views(ticket),
  ]);
  const avatarOf = await userAvatars(people, [
    ...comments.map((c) => String(c.commented_by)),
    ...communications.map(communicationUser),
    ...history.map((h) => String(h.owner)),
    ...views.map((v) => String(v.viewed_by)),
  ]);
  return {
    comments: comments.map((c) => ({
      ...c,
      attachments: attachmentRows(c.attachments),
      user: avatarOf(String(c.commented_by)),
    })),
    communications: communications.map((c) => ({
      ...c,
      attachments: attachmentRows(c.attachments),
      user: avatarOf(communicationUser(c)),
    })),
    history: history.map((h) => ({ ...h, user: avatarOf(String(h.owner)) })),
    views: views.map((v) => ({ ...v, user: avatarOf(String(v.viewed_by)) })),
    calls: [],
  };
}

/** An agent's reply shows the agent who sent it; anything else shows its sender. */
function communicationUser(row: ActivityRow): string {
  return row.sent_or_received === 'Sent' && typeof row.user === 'string' && row.user !== ''
    ? row.user
    : String(row.sender);
}

function attachmentRows(files: unknown): AttachmentRow[] {
  return (Array.isArray(files) ? files : []).map((file) => ({
    name: String(file),
    file_url: null,
    file_name: String(file),
  }));
}
