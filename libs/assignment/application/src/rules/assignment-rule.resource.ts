import {
  CreateAssignmentRuleDto,
  UpdateAssignmentRuleDto,
  type AssignmentRuleDayDto,
  type AssignmentRuleUserDto,
  type AssignmentRuleWeightedUserDto,
} from '@helpdesk/assignment-contracts';
import type { AssignmentRuleInput } from '@helpdesk/assignment-domain';
import { FrappeError, withoutStandardFields } from '@helpdesk/shared-frappe-api';
import {
  parseBody,
  type DoctypeResource,
  type FrappeDocument,
  type RequestContext,
} from '@helpdesk/shared-messaging';
import {
  canManageAssignmentRules,
  canReadAssignmentRules,
  notPermitted,
} from './assignment-rule-access.js';
import type { AssignmentRuleCommands, RuleActor } from './assignment-rule-commands.js';
import type { AssignmentRuleDocuments } from './assignment-rule-documents.port.js';

const DOCTYPE = 'Assignment Rule';

/**
 * Assignment Rule over Frappe's document API: agents read, managers change. Every change goes
 * through `AssignmentRuleCommands`, and the reply is the rule as it now reads.
 */
export class AssignmentRuleResource implements DoctypeResource {
  constructor(
    private readonly documents: AssignmentRuleDocuments,
    private readonly commands: AssignmentRuleCommands,
  ) {}

  async list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]> {
    reader(context);
    return this.documents.list(params);
  }

  async count(params: Record<string, unknown>, context: RequestContext): Promise<number> {
    reader(context);
    return this.documents.count(params);
  }

  async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    reader(context);
    const document = await this.documents.get(name);
    if (!document) throw FrappeError.doesNotExist(DOCTYPE, name);
    return document;
  }

  async insert(doc: Record<string, unknown>, context: RequestContext): Promise<FrappeDocument> {
    const actor = manager(context);
    const { name, __newname, ...body } = await parseBody(CreateAssignmentRuleDto, doc, DOCTYPE);
    const given = (name ?? __newname ?? '').trim();
    await this.commands.run(
      { type: 'CreateAssignmentRule', data: { name: given, values: ruleInput(body) } },
      actor,
    );
    return this.get(given, context);
  }

  async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const actor = manager(context);
    const body = await parseBody(UpdateAssignmentRuleDto, withoutStandardFields(changes), DOCTYPE);
    await this.commands.run(
      { type: 'UpdateAssignmentRule', data: { name, changes: ruleInput(body) } },
      actor,
    );
    return this.get(name, context);
  }

  async delete(name: string, context: RequestContext): Promise<void> {
    await this.commands.run({ type: 'DeleteAssignmentRule', data: { name } }, manager(context));
  }
}

function reader(context: RequestContext): void {
  if (!canReadAssignmentRules(context)) throw notPermitted();
}

function manager(context: RequestContext): RuleActor {
  if (!canManageAssignmentRules(context)) throw notPermitted();
  return { user: context.user, correlationId: context.correlationId };
}

/**
 * The editable fields the body carries, as the rule's input (a field left out stays
 * `undefined`, which the rule reads as "not given"); child rows lose Frappe's row bookkeeping,
 * and the read-only pointer and the form's own state are left behind.
 */
function ruleInput(body: UpdateAssignmentRuleDto): AssignmentRuleInput {
  return {
    document_type: body.document_type,
    description: body.description,
    priority: body.priority,
    disabled: body.disabled,
    rule: body.rule,
    field: body.field,
    due_date_based_on: body.due_date_based_on,
    users: rows(body.users, ({ user }: AssignmentRuleUserDto) => ({ user })),
    weighted_users: rows(
      body.weighted_users,
      ({ user, weight }: AssignmentRuleWeightedUserDto) => ({
        user,
        weight: weight ?? null,
      }),
    ),
    assignment_days: rows(body.assignment_days, ({ day }: AssignmentRuleDayDto) => ({ day })),
    assign_condition: body.assign_condition,
    unassign_condition: body.unassign_condition,
    close_condition: body.close_condition,
    assign_condition_json: body.assign_condition_json,
    unassign_condition_json: body.unassign_condition_json,
  };
}

function rows<R, T>(
  given: readonly R[] | null | undefined,
  row: (value: R) => T,
): T[] | null | undefined {
  return given === null || given === undefined ? given : given.map(row);
}
