import {
  decideAssignmentRule,
  evolveAssignmentRule,
  initialAssignmentRuleState,
  type AssignmentRuleCommand,
  type AssignmentRuleContext,
  type AssignmentRuleEvent,
  type AssignmentRuleState,
} from '@helpdesk/assignment-domain';
import {
  decideOnStream,
  inRetriedTransaction,
  type AggregateSpec,
  type PostgresEventStore,
  type RecordedEvent,
  type Sql,
} from '@helpdesk/shared-event-store';
import type { DataSource } from 'typeorm';
import { toFrappeError } from './assignment-rule-errors.js';
import { assignmentRuleStreamId } from './assignment-rule-streams.js';

type WithoutContext<C> = C extends unknown ? Omit<C, 'context'> : never;

/** A rule command as callers give it; the context is added from who runs it. */
export type RuleCommandInput = WithoutContext<AssignmentRuleCommand>;

export interface AssignmentRuleCommandsOptions {
  dataSource: DataSource;
  store: PostgresEventStore;
  project: (sql: Sql, events: RecordedEvent[]) => Promise<void>;
  /** How many other Assignment Rules exist for HD Ticket (the last one may not be deleted). */
  otherTicketRules: (sql: Sql, name: string) => Promise<number>;
  now?: () => Date;
}

/** Who changes a rule: a user through the API, or Helpdesk itself (team hooks, install). */
export interface RuleActor {
  user: string;
  correlationId?: string;
  system?: boolean;
}

/**
 * Every change to an Assignment Rule: load its stream, decide, append at the version read and
 * project, in one transaction (retried after a lost race), or on a transaction the caller holds
 * so that a rule changes together with what caused it.
 */
export class AssignmentRuleCommands {
  private readonly spec: AggregateSpec<AssignmentRuleState, AssignmentRuleEvent>;
  private readonly now: () => Date;

  constructor(private readonly options: AssignmentRuleCommandsOptions) {
    this.spec = {
      store: options.store,
      project: options.project,
      initialState: initialAssignmentRuleState,
      evolve: evolveAssignmentRule,
    };
    this.now = options.now ?? (() => new Date());
  }

  /** Runs one command in its own transaction; refusals become Frappe errors. */
  async run(command: RuleCommandInput, actor: RuleActor): Promise<AssignmentRuleState> {
    try {
      return await inRetriedTransaction(this.options.dataSource, (sql) =>
        this.on(sql, command, actor),
      );
    } catch (error) {
      throw toFrappeError(error, command.data.name);
    }
  }

  /** Runs one command on the caller's transaction. */
  async on(sql: Sql, command: RuleCommandInput, actor: RuleActor): Promise<AssignmentRuleState> {
    const context: AssignmentRuleContext = {
      actor: actor.user,
      now: this.now(),
      ...(actor.system ? { system: true } : {}),
    };
    const full = await this.withContext(sql, command, context);
    const result = await decideOnStream(
      sql,
      this.spec,
      assignmentRuleStreamId(command.data.name.trim()),
      (state) => decideAssignmentRule(full, state),
      { actor: actor.user, ...(actor.correlationId ? { correlationId: actor.correlationId } : {}) },
    );
    return result.state;
  }

  private async withContext(
    sql: Sql,
    command: RuleCommandInput,
    context: AssignmentRuleContext,
  ): Promise<AssignmentRuleCommand> {
    if (command.type !== 'DeleteAssignmentRule') {
      return { ...command, context } as AssignmentRuleCommand;
    }
    const otherTicketRules = await this.options.otherTicketRules(sql, command.data.name);
    return { ...command, context: { ...context, otherTicketRules } };
  }
}
