import { AgentSubjects, type LinkTeamAssignmentRuleDto } from '@helpdesk/agent-contracts';
import { withConnection } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RpcClient } from '@helpdesk/shared-messaging';
import type { DataSource } from 'typeorm';

/**
 * Tells agent-service the name of each new team's rule, so HD Team's `assignment_rule` shows it.
 * A link stays pending until agent-service has recorded it (its `team-assignment-rule-linked`
 * event comes back) or the team is gone; repeats are harmless.
 */
export class TeamRuleLinks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agentService: RpcClient,
  ) {}

  async sendPending(): Promise<void> {
    const pending = await withConnection(this.dataSource, (sql) =>
      sql.query<{ team: string; rule: string }>(
        `SELECT team, rule FROM assignment.team_rule_link WHERE linked_at IS NULL ORDER BY team`,
      ),
    );
    for (const { team, rule } of pending.rows) {
      const body: LinkTeamAssignmentRuleDto = { team, assignment_rule: rule };
      try {
        await this.agentService.request(AgentSubjects.linkTeamAssignmentRule, body, {
          actor: { user: 'Administrator', roles: ['System Manager'] },
          correlationId: `team-rule-link-${team}`,
        });
      } catch (error) {
        if (!(error instanceof FrappeError && error.excType === 'DoesNotExistError')) throw error;
        await withConnection(this.dataSource, (sql) =>
          sql.query(`DELETE FROM assignment.team_rule_link WHERE team = $1 AND rule = $2`, [
            team,
            rule,
          ]),
        );
      }
    }
  }
}
