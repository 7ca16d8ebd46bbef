export type PeopleDoctype =
  | 'User'
  | 'HD Agent'
  | 'HD Team'
  | 'Contact'
  | 'HD Customer'
  | 'User Invitation'
  | 'HD Agent Status'
  | 'HD Field Layout';

// No prefix is the start of another, so a stream id names one document only.
const PREFIXES: readonly [string, PeopleDoctype][] = [
  ['user-', 'User'],
  ['hd-agent-', 'HD Agent'],
  ['hd-team-', 'HD Team'],
  ['contact-', 'Contact'],
  ['hd-customer-', 'HD Customer'],
  ['invitation-', 'User Invitation'],
  ['agent-status-', 'HD Agent Status'],
  ['field-layout-', 'HD Field Layout'],
];

/** Which document a people stream belongs to, from its id (`user-<name>`, `hd-team-<name>`, …). */
export function peopleDocumentOf(streamId: string): { doctype: PeopleDoctype; name: string } {
  for (const [prefix, doctype] of PREFIXES) {
    if (streamId.startsWith(prefix)) return { doctype, name: streamId.slice(prefix.length) };
  }
  throw new Error(`not a people stream: ${streamId}`);
}
