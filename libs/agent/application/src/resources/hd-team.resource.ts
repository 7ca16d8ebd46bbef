import { FrappeError, withoutStandardFields } from '@helpdesk/shared-frappe-api';
import { CreateHdTeamDto, UpdateHdTeamDto, checked } from '@helpdesk/agent-contracts';
import { parseBody, type FrappeDocument, type RequestContext } from '@helpdesk/shared-messaging';
import type { PeopleCommands } from '../people-commands.js';
import type { PeopleDocuments } from '../people-documents.port.js';
import { anyoneSignedIn, PeopleResource } from './read-only-people.resource.js';

/** HD Team: every signed-in user may read teams; Agent Managers change them. */
export class HdTeamResource extends PeopleResource {
  constructor(
    documents: PeopleDocuments,
    private readonly commands: PeopleCommands,
  ) {
    super('HD Team', documents, anyoneSignedIn);
  }

  override async insert(doc: Record<string, unknown>, context: RequestContext) {
    const body = await parseBody(CreateHdTeamDto, doc, 'HD Team');
    const name = body.team_name.trim();
    await this.commands.transaction('HD Team', name, (sql) =>
      this.commands.onTeam(
        sql,
        name,
        {
          type: 'CreateTeam',
          team_name: body.team_name,
          users: (body.users ?? []).map((row) => row.user),
          ignore_restrictions: checked(body.ignore_restrictions),
          disabled: checked(body.disabled),
        },
        context,
      ),
    );
    return this.get(name, context);
  }

  override async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const body = await parseBody(UpdateHdTeamDto, withoutStandardFields(changes), 'HD Team');
    if (body.team_name !== undefined && body.team_name.trim() !== name)
      throw FrappeError.validation('An HD Team is named by its team_name, which cannot be changed');
    await this.commands.transaction('HD Team', name, (sql) =>
      this.commands.onTeam(
        sql,
        name,
        {
          type: 'EditTeam',
          changes: {
            users: body.users?.map((row) => row.user),
            ignore_restrictions: checked(body.ignore_restrictions),
            disabled: checked(body.disabled),
          },
        },
        context,
      ),
    );
    return this.get(name, context);
  }

  override async delete(name: string, context: RequestContext): Promise<void> {
    await this.commands.transaction('HD Team', name, (sql) =>
      this.commands.onTeam(sql, name, { type: 'RemoveTeam' }, context),
    );
  }
}
