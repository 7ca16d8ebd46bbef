import {
  agentStreamId,
  decideAgent,
  decideTeam,
  decideUser,
  evolveAgent,
  evolveTeam,
  evolveUser,
  NO_AGENT,
  NO_TEAM,
  NO_USER,
  teamStreamId,
  userStreamId,
  type AgentCommand,
  type AgentEvent,
  type AgentRecord,
  type AgentState,
  type CommandContext,
  type TeamCommand,
  type TeamEvent,
  type TeamRecord,
  type TeamState,
  type UserCommand,
  type UserEvent,
  type UserRecord,
  type UserState,
} from '@helpdesk/agent-domain';
import {
  decideOnStream,
  inRetriedTransaction,
  type AggregateSpec,
  type PostgresEventStore,
  type RecordedEvent,
  type Sql,
} from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';
import type { DataSource } from 'typeorm';
import type { PeopleLookups } from './people-documents.port.js';
import { toFrappeError } from './people-errors.js';

type Spread<C> = C extends unknown ? Omit<C, 'context'> : never;

export interface PeopleCommandsOptions {
  dataSource: DataSource;
  store: PostgresEventStore;
  project: (sql: Sql, events: RecordedEvent[]) => Promise<void>;
  lookups: PeopleLookups;
  now?: () => Date;
}

/**
 * Every change to users, HD Agents and HD Teams: load the stream(s), decide, append with the
 * expected version and project, in one transaction (retried after a lost race).
 */
export class PeopleCommands {
  private readonly users: AggregateSpec<UserState, UserEvent>;
  private readonly agents: AggregateSpec<AgentState, AgentEvent>;
  private readonly teams: AggregateSpec<TeamState, TeamEvent>;
  private readonly now: () => Date;

  constructor(private readonly options: PeopleCommandsOptions) {
    const base = { store: options.store, project: options.project };
    this.users = { ...base, initialState: NO_USER, evolve: evolveUser };
    this.agents = { ...base, initialState: NO_AGENT, evolve: evolveAgent };
    this.teams = { ...base, initialState: NO_TEAM, evolve: evolveTeam };
    this.now = options.now ?? (() => new Date());
  }

  context(request: RequestContext): CommandContext {
    return { actor: request.user, roles: request.roles, at: this.now().toISOString() };
  }

  /** Runs several stream decisions as one all-or-nothing command. */
  transaction<T>(doctype: string, name: string | undefined, work: (sql: Sql) => Promise<T>) {
    return inRetriedTransaction(this.options.dataSource, work).catch((error: unknown) => {
      throw toFrappeError(error, doctype, name);
    });
  }

  async onUser(
    sql: Sql,
    name: string,
    command: Spread<UserCommand>,
    request: RequestContext,
  ): Promise<UserRecord> {
    const context = this.context(request);
    const result = await decideOnStream(
      sql,
      this.users,
      userStreamId(name),
      (state) => decideUser({ ...command, context } as UserCommand, state),
      { actor: request.user, correlationId: request.correlationId },
    );
    if (result.state.kind === 'absent') throw FrappeError.doesNotExist('User', name);
    return result.state.user;
  }

  async onAgent(
    sql: Sql,
    user: string,
    command: Spread<AgentCommand>,
    request: RequestContext,
  ): Promise<AgentRecord | undefined> {
    const context = {
      ...this.context(request),
      statuses: await this.options.lookups.agentStatuses(sql),
    };
    const result = await decideOnStream(
      sql,
      this.agents,
      agentStreamId(user),
      (state) => decideAgent({ ...command, context } as AgentCommand, state),
      { actor: request.user, correlationId: request.correlationId },
    );
    return result.state.kind === 'present' ? result.state.agent : undefined;
  }

  async onTeam(
    sql: Sql,
    team: string,
    command: Spread<TeamCommand>,
    request: RequestContext,
  ): Promise<TeamRecord | undefined> {
    const members =
      'users' in command ? command.users : 'changes' in command ? command.changes.users : undefined;
    const known = await this.options.lookups.knownUsers(sql, members ?? []);
    const context = { ...this.context(request), isUser: (name: string) => known.has(name) };
    const result = await decideOnStream(
      sql,
      this.teams,
      teamStreamId(team),
      (state) => decideTeam({ ...command, context } as TeamCommand, state),
      { actor: request.user, correlationId: request.correlationId },
    );
    return result.state.kind === 'present' ? result.state.team : undefined;
  }

  /** The user's current state, folded from their stream on this transaction. */
  async user(sql: Sql, name: string): Promise<UserRecord | undefined> {
    const { state } = await decideOnStream(sql, this.users, userStreamId(name), () => [], {});
    return state.kind === 'present' ? state.user : undefined;
  }
}
