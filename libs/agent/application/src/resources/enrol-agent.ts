import type { EnrolAgent } from '@helpdesk/agent-domain';
import type { Sql } from '@helpdesk/shared-event-store';
import type { RequestContext } from '@helpdesk/shared-messaging';
import type { PeopleCommands } from '../people-commands.js';

type AgentFields = Pick<EnrolAgent, 'agent_name' | 'user_image' | 'is_active' | 'availability'>;

/**
 * Makes an existing user an HD Agent and, as Frappe's `HD Agent.before_save` does, gives the user
 * the Agent role when they lack it; both streams change in the caller's transaction.
 */
export async function enrolAgent(
  commands: PeopleCommands,
  sql: Sql,
  user: string,
  context: RequestContext,
  fields: AgentFields = {},
) {
  const record = await commands.user(sql, user);
  const agent = await commands.onAgent(
    sql,
    user,
    { type: 'EnrolAgent', user, userFullName: record?.full_name, ...fields },
    context,
  );
  if (record && !record.roles.includes('Agent')) {
    await commands.onUser(
      sql,
      user,
      { type: 'ChangeUserRoles', add: ['Agent'], remove: [] },
      context,
    );
  }
  return agent;
}
