import type { AgentStatus } from '@helpdesk/agent-domain';
import type { Sql } from '@helpdesk/shared-event-store';
import type { FrappeDocument } from '@helpdesk/shared-messaging';

export type PeopleDocType = 'User' | 'HD Agent' | 'HD Team' | 'HD Agent Status';

/** Narrows a read to the rows a viewer may see; absent = everything. */
export interface RowScope {
  /** Only the document with this name (a user reading their own User). */
  onlyName?: string;
}

/** Frappe list/count/get over agent-service's read models. */
export interface PeopleDocuments {
  list(
    doctype: PeopleDocType,
    params: Record<string, unknown>,
    scope?: RowScope,
  ): Promise<unknown[]>;
  count(doctype: PeopleDocType, params: Record<string, unknown>, scope?: RowScope): Promise<number>;
  get(doctype: PeopleDocType, name: string, scope?: RowScope): Promise<FrappeDocument | undefined>;
}

/** What deciding needs to read besides the stream itself, on the command's own transaction. */
export interface PeopleLookups {
  knownUsers(sql: Sql, names: readonly string[]): Promise<ReadonlySet<string>>;
  agentStatuses(sql: Sql): Promise<AgentStatus[]>;
}

/** The signed-in user as `helpdesk.api.auth.get_user` and the session need them. */
export interface PersonSummary {
  name: string;
  email: string | null;
  first_name: string | null;
  full_name: string;
  user_type: string;
  enabled: boolean;
  roles: string[];
  user_image: string | null;
  time_zone: string | null;
  agent: { availability: string | null; availability_changed_on: string | null } | null;
  teams: string[];
}

export interface PeopleDirectoryReads {
  person(name: string): Promise<PersonSummary | undefined>;
  enabledUsers(): Promise<PersonSummary[]>;
  teamMembers(team: string): Promise<string[] | undefined>;
}
