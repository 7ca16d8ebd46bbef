import { withoutStandardFields } from '@helpdesk/shared-frappe-api';
import { CreateUserDto, UpdateUserDto, checked } from '@helpdesk/agent-contracts';
import { userNameOf } from '@helpdesk/agent-domain';
import { parseBody, type FrappeDocument, type RequestContext } from '@helpdesk/shared-messaging';
import type { PeopleCommands } from '../people-commands.js';
import type { PeopleDocuments } from '../people-documents.port.js';
import { viewerIsAgent } from '../viewer.js';
import { PeopleResource } from './read-only-people.resource.js';

/** Agents read every user; everybody else only themselves. Users are disabled, never deleted. */
export class UserResource extends PeopleResource {
  constructor(
    documents: PeopleDocuments,
    private readonly commands: PeopleCommands,
  ) {
    super('User', documents, (context) =>
      viewerIsAgent(context) ? {} : { onlyName: context.user },
    );
  }

  override async insert(doc: Record<string, unknown>, context: RequestContext) {
    const body = await parseBody(CreateUserDto, doc, 'User');
    const user = await this.commands.transaction('User', body.email, (sql) =>
      this.commands.onUser(
        sql,
        userNameOf(body.email),
        {
          type: 'RegisterUser',
          email: body.email,
          first_name: body.first_name ?? null,
          last_name: body.last_name ?? null,
          user_image: body.user_image ?? null,
          roles: (body.roles ?? []).map((row) => row.role),
        },
        context,
      ),
    );
    return this.get(user.name, context);
  }

  override async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const body = await parseBody(UpdateUserDto, withoutStandardFields(changes), 'User');
    await this.commands.transaction('User', name, async (sql) => {
      const { roles, enabled, ...profile } = body;
      await this.commands.onUser(
        sql,
        name,
        { type: 'EditUserProfile', changes: { ...profile, enabled: checked(enabled) } },
        context,
      );
      if (roles === undefined) return;
      const current = (await this.commands.user(sql, name))?.roles ?? [];
      const wanted = roles.map((row) => row.role);
      await this.commands.onUser(
        sql,
        name,
        {
          type: 'ChangeUserRoles',
          add: wanted.filter((role) => !current.includes(role as never)),
          remove: current.filter((role) => !wanted.includes(role)),
        },
        context,
      );
    });
    return this.get(name, context);
  }
}
