import {
  planAssignment,
  ruleUsers,
  teamChangeClearsAssignments,
  weekdayIn,
  type AssignmentPlan,
  type AssignmentRuleDocument,
  type PlanAssignmentInput,
} from '@helpdesk/assignment-domain';
import type { Sql } from '@helpdesk/shared-event-store';
import { conditionFields, type CopyChange, type TicketCopy } from './ticket-copy.js';
import type { RulePassStore } from './rule-pass.port.js';

/** What a rule pass asks ticket-service to do; `expectedAssignees` is what it decided from. */
export interface RuleDecision {
  ticket: number;
  rule: string;
  expectedAssignees: string[];
  cancel: string[];
  assign: string | null;
}

export interface RulePassOptions {
  store: RulePassStore;
  /** The site's zone, for `assignment_days`. */
  timeZone: string;
  now?: () => Date;
  /** Told of conditions that raised (Frappe logs "Auto assignment failed"). */
  onConditionFailure?: (ticket: number, failure: AssignmentPlan['failures'][number]) => void;
}

/**
 * Frappe's Assignment Rule `apply` after a ticket save, with Helpdesk's team-change unassignment
 * before it (helpdesk-behaviour §2.2–2.6). The rule that assigns is locked while its pointer is
 * read and moved, so replicas deciding at once take turns and Round Robin never gives two
 * tickets the same turn; Load Balancing counts are read under the same lock.
 */
export class RulePass {
  private readonly now: () => Date;

  constructor(private readonly options: RulePassOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async decide(sql: Sql, change: CopyChange): Promise<RuleDecision | null> {
    const after = change.copy;
    if (!change.saved || !after) return null;
    const { store } = this.options;
    let rules = await store.ticketRules(sql);
    const expectedAssignees = after.assignments.map((a) => a.user);
    const cleared = await this.teamChangeClears(sql, after, change, rules);
    const assignments = cleared ? [] : after.assignments;
    let plan = await this.plan(sql, rules, after, assignments);
    const locked = new Set<string>();
    while (plan.decision.kind === 'assign' && !locked.has(plan.decision.rule)) {
      const rule = plan.decision.rule;
      const pointer = await store.lockPointer(sql, rule);
      locked.add(rule);
      rules = rules.map((r) => (r.name === rule && pointer ? { ...r, ...pointer } : r));
      plan = await this.plan(sql, rules, after, assignments);
    }
    for (const failure of plan.failures) this.options.onConditionFailure?.(after.name, failure);
    const decision = plan.decision;
    const base = { ticket: after.name, expectedAssignees };
    if (decision.kind === 'assign') {
      await store.savePointer(sql, decision.rule, decision.record);
      const cancel = unique([...(cleared ? expectedAssignees : []), ...decision.cancel]);
      if (plan.close?.action === 'close-all') {
        return { ...base, rule: plan.close.rule, cancel: expectedAssignees, assign: null };
      }
      return { ...base, rule: decision.rule, cancel, assign: decision.user };
    }
    if (decision.kind === 'unassign-all') {
      return { ...base, rule: decision.rule, cancel: [...decision.cancel], assign: null };
    }
    if (cleared) return { ...base, rule: cleared, cancel: expectedAssignees, assign: null };
    if (plan.close?.action === 'close-all' && expectedAssignees.length > 0) {
      return { ...base, rule: plan.close.rule, cancel: expectedAssignees, assign: null };
    }
    return null;
  }

  /** The new team's rule name when moving the ticket clears its assignments (§2.6). */
  private async teamChangeClears(
    sql: Sql,
    after: TicketCopy,
    change: CopyChange,
    rules: readonly AssignmentRuleDocument[],
  ): Promise<string | null> {
    const newTeam = typeof after.fields.agent_group === 'string' ? after.fields.agent_group : null;
    if (!newTeam || newTeam === change.previousTeam || after.assignments.length === 0) return null;
    const team = await this.options.store.team(sql, newTeam);
    const newTeamRule = rules.find((rule) => rule.name === team?.rule) ?? null;
    const clears = teamChangeClearsAssignments({
      previousTeam: change.previousTeam,
      newTeam,
      statusCategory: (after.fields.status_category as string | null) ?? null,
      assignees: after.assignments.map((a) => a.user),
      newTeamMembers: team?.users ?? [],
      newTeamRule,
    });
    return clears && newTeamRule ? newTeamRule.name : null;
  }

  private async plan(
    sql: Sql,
    rules: readonly AssignmentRuleDocument[],
    copy: TicketCopy,
    assignments: PlanAssignmentInput['assignments'],
  ): Promise<AssignmentPlan> {
    const { store } = this.options;
    const ticket = conditionFields(copy);
    const balanced = rules.filter((r) => r.rule === 'Load Balancing' && !r.disabled);
    const byField = rules.filter((r) => r.rule === 'Based on Field' && r.field);
    const candidates = byField.map((r) => ticket[r.field as string]).filter(isText);
    const [availability, openAssignmentCounts, knownUsers] = await Promise.all([
      store.availability(sql),
      store.openAssignmentCounts(sql, unique(balanced.flatMap(ruleUsers))),
      store.knownUsers(sql, unique(candidates)),
    ]);
    return planAssignment({
      rules,
      today: weekdayIn(this.now(), this.options.timeZone),
      ticket,
      assignments,
      availability,
      openAssignmentCounts,
      knownUsers,
    });
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
