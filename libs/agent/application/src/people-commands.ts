import {
  decideFieldLayout,
  evolveFieldLayout,
  fieldLayoutStreamId,
  NO_FIELD_LAYOUT,
  personalPairAfter,
  type FieldLayoutCommand,
  type FieldLayoutEvent,
  type FieldLayoutRecord,
  type FieldLayoutState,
  agentStatusStreamId,
  decideAgentStatus,
  evolveAgentStatus,
  NO_AGENT_STATUS,
  type AgentStatusCommand,
  type AgentStatusEvent,
  type AgentStatusRecord,
  type AgentStatusState,
  contactStreamId,
  customerStreamId,
  decideContact,
  decideCustomer,
  decideInvitation,
  evolveContact,
  evolveCustomer,
  evolveInvitation,
  invitationStreamId,
  NO_CONTACT,
  NO_CUSTOMER,
  NO_INVITATION,
  type ContactCommand,
  type ContactEvent,
  type ContactRecord,
  type ContactState,
  type CustomerCommand,
  type CustomerEvent,
  type CustomerRecord,
  type CustomerState,
  type InvitationCommand,
  type InvitationContext,
  type InvitationEvent,
  type InvitationRecord,
  type InvitationState,
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
  type DomainEvent,
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
  private readonly contacts: AggregateSpec<ContactState, ContactEvent>;
  private readonly customers: AggregateSpec<CustomerState, CustomerEvent>;
  private readonly invitations: AggregateSpec<InvitationState, InvitationEvent>;
  private readonly agentStatuses: AggregateSpec<AgentStatusState, AgentStatusEvent>;
  private readonly fieldLayouts: AggregateSpec<FieldLayoutState, FieldLayoutEvent>;
  private readonly now: () => Date;

  constructor(private readonly options: PeopleCommandsOptions) {
    const base = { store: options.store, project: options.project };
    this.users = { ...base, initialState: NO_USER, evolve: evolveUser };
    this.agents = { ...base, initialState: NO_AGENT, evolve: evolveAgent };
    this.teams = { ...base, initialState: NO_TEAM, evolve: evolveTeam };
    this.contacts = { ...base, initialState: NO_CONTACT, evolve: evolveContact };
    this.customers = { ...base, initialState: NO_CUSTOMER, evolve: evolveCustomer };
    this.invitations = { ...base, initialState: NO_INVITATION, evolve: evolveInvitation };
    this.agentStatuses = { ...base, initialState: NO_AGENT_STATUS, evolve: evolveAgentStatus };
    this.fieldLayouts = { ...base, initialState: NO_FIELD_LAYOUT, evolve: evolveFieldLayout };
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

  async onContact(
    sql: Sql,
    name: string,
    command: Spread<ContactCommand>,
    request: RequestContext,
  ): Promise<ContactRecord | undefined> {
    const linked = 'user' in command && command.user ? [command.user] : [];
    const known = await this.options.lookups.knownUsers(sql, linked);
    const context = { ...this.context(request), isUser: (user: string) => known.has(user) };
    const result = await decideOnStream(
      sql,
      this.contacts,
      contactStreamId(name),
      (state) => decideContact({ ...command, context } as ContactCommand, state),
      { actor: request.user, correlationId: request.correlationId },
    );
    return result.state.kind === 'present' ? result.state.contact : undefined;
  }

  /** Decides on a customer; answers it with the events recorded, which drive members' roles. */
  async onCustomer(
    sql: Sql,
    name: string,
    command: Spread<CustomerCommand>,
    request: RequestContext,
  ): Promise<{ customer: CustomerRecord | undefined; events: CustomerEvent[] }> {
    const { lookups } = this.options;
    const current = await this.customer(sql, name);
    const named = [
      ...(current?.contacts.map((row) => row.contact_name) ?? []),
      ...('fields' in command ? (command.fields.contacts ?? []) : []),
      ...('changes' in command ? (command.changes.contacts ?? []) : []),
      ...('members' in command ? command.members : []),
    ].map((row) => (typeof row === 'string' ? row : row.contact_name));
    const details = await lookups.contactDetails(sql, [...new Set(named)]);
    const managed = await lookups.managedCustomers(sql, request.user);
    const context = {
      ...this.context(request),
      contactDetails: (contact: string) => details.get(contact),
      managesCustomer: managed.includes(name),
    };
    const result = await decideOnStream(
      sql,
      this.customers,
      customerStreamId(name),
      (state) => decideCustomer({ ...command, context } as CustomerCommand, state),
      { actor: request.user, correlationId: request.correlationId },
    );
    const events = result.events.map(
      (recorded) => ({ type: recorded.type, data: recorded.data }) as unknown as CustomerEvent,
    );
    const customer = result.state.kind === 'present' ? result.state.customer : undefined;
    return { customer, events };
  }

  async onInvitation(
    sql: Sql,
    name: string,
    command: Spread<InvitationCommand>,
    request: RequestContext,
    facts: Omit<InvitationContext, keyof CommandContext> = {
      userEnabled: undefined,
      pendingElsewhere: false,
      acceptedElsewhere: false,
    },
  ): Promise<InvitationRecord | undefined> {
    const context = { ...this.context(request), ...facts };
    const result = await decideOnStream(
      sql,
      this.invitations,
      invitationStreamId(name),
      (state) => decideInvitation({ ...command, context } as InvitationCommand, state),
      { actor: request.user, correlationId: request.correlationId },
    );
    return result.state.kind === 'present' ? result.state.invitation : undefined;
  }

  /**
   * Decides on an HD Agent Status with the whole catalogue held until commit: two changes that
   * could each leave no enabled Active status, or delete a status an agent is just moving into,
   * take turns instead.
   */
  async onAgentStatus(
    sql: Sql,
    name: string,
    command: Spread<AgentStatusCommand>,
    request: RequestContext,
  ): Promise<AgentStatusRecord | undefined> {
    const { lookups } = this.options;
    const statuses = await lookups.agentStatusesForChange(sql);
    const agentInStatus =
      command.type === 'RemoveAgentStatus' ? await lookups.agentInStatus(sql, name) : undefined;
    const context = { ...this.context(request), statuses, agentInStatus };
    const result = await decideOnStream(
      sql,
      this.agentStatuses,
      agentStatusStreamId(name),
      (state) => decideAgentStatus({ ...command, context } as AgentStatusCommand, state),
      { actor: request.user, correlationId: request.correlationId },
    );
    return result.state.kind === 'present' ? result.state.status : undefined;
  }

  /**
   * Decides on an HD Field Layout while holding the personal (user, type) pair it would have
   * afterwards: two saves that would each give a user a second layout of a type take turns, and
   * the second sees the first's row. A lost race on the layout's own stream is retried whole.
   */
  async onFieldLayout(
    sql: Sql,
    name: string,
    command: Spread<FieldLayoutCommand>,
    request: RequestContext,
  ): Promise<FieldLayoutRecord | undefined> {
    const { lookups } = this.options;
    const base = this.context(request);
    const input =
      command.type === 'CreateFieldLayout'
        ? command.fields
        : command.type === 'EditFieldLayout'
          ? command.changes
          : undefined;
    const known = await lookups.knownUsers(sql, input?.user ? [input.user.trim()] : []);
    const result = await decideOnStream(
      sql,
      this.fieldLayouts,
      fieldLayoutStreamId(name),
      async (state) => {
        const before = state.kind === 'present' ? state.layout : undefined;
        const pair = input && personalPairAfter(input, before);
        const others = pair ? await lookups.personalFieldLayouts(sql, pair.user, pair.type) : [];
        const context = {
          ...base,
          isUser: (user: string) => known.has(user),
          samePersonalLayout: others.find((other) => other !== name),
        };
        return decideFieldLayout({ ...command, context } as FieldLayoutCommand, state);
      },
      { actor: request.user, correlationId: request.correlationId },
    );
    return result.state.kind === 'present' ? result.state.layout : undefined;
  }

  /** The user's current state, folded from their stream on this transaction. */
  async user(sql: Sql, name: string): Promise<UserRecord | undefined> {
    const state = await this.current(sql, this.users, userStreamId(name));
    return state.kind === 'present' ? state.user : undefined;
  }

  async agent(sql: Sql, user: string): Promise<AgentRecord | undefined> {
    const state = await this.current(sql, this.agents, agentStreamId(user));
    return state.kind === 'present' ? state.agent : undefined;
  }

  async contact(sql: Sql, name: string): Promise<ContactRecord | undefined> {
    const state = await this.current(sql, this.contacts, contactStreamId(name));
    return state.kind === 'present' ? state.contact : undefined;
  }

  async customer(sql: Sql, name: string): Promise<CustomerRecord | undefined> {
    const state = await this.current(sql, this.customers, customerStreamId(name));
    return state.kind === 'present' ? state.customer : undefined;
  }

  async invitation(sql: Sql, name: string): Promise<InvitationRecord | undefined> {
    const state = await this.current(sql, this.invitations, invitationStreamId(name));
    return state.kind === 'present' ? state.invitation : undefined;
  }

  private async current<S, E extends DomainEvent>(
    sql: Sql,
    spec: AggregateSpec<S, E>,
    streamId: string,
  ): Promise<S> {
    return (await decideOnStream(sql, spec, streamId, () => [], {})).state;
  }
}
