import type { AssignmentRuleCommand } from './assignment-rule.commands.js';
import type { AssignmentRuleEvent } from './assignment-rule.events.js';
import type { AssignmentRuleState } from './assignment-rule.state.js';
import { createRule } from './decide/create-rule.js';
import { deleteRule } from './decide/delete-rule.js';
import { recordLastUser } from './decide/record-last-user.js';
import { syncWithTeam } from './decide/sync-with-team.js';
import { updateRule } from './decide/update-rule.js';

/** The rule's own rules: the events a command produces, or an `AssignmentRuleViolation`. */
export function decideAssignmentRule(
  command: AssignmentRuleCommand,
  state: AssignmentRuleState,
): AssignmentRuleEvent[] {
  switch (command.type) {
    case 'CreateAssignmentRule':
      return [createRule(command, state)];
    case 'UpdateAssignmentRule':
      return updateRule(command, state);
    case 'DeleteAssignmentRule':
      return [deleteRule(command, state)];
    case 'RecordAssignmentRuleLastUser':
      return recordLastUser(command, state);
    case 'SyncAssignmentRuleWithTeam':
      return syncWithTeam(command, state);
    default:
      return exhaustive(command);
  }
}

function exhaustive(command: never): never {
  throw new Error(`unknown assignment rule command ${JSON.stringify(command)}`);
}
