import { withoutStandardFields } from '@helpdesk/shared-frappe-api';
import { CreateUserDto, UpdateUserDto, checked } from '@helpdesk/agent-contracts';
import { userNameOf } from '@helpdesk/agent-domain';
import { hashSecret } from '@helpdesk/shared-credentials';
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
    const password = await passwordHashOf(body.new_password);
    const name = userNameOf(body.email);
    await this.commands.transaction('User', body.email, async (sql) => {
      await this.commands.onUser(
        sql,
        name,
        {
          type: 'RegisterUser',
          email: body.email,
          first_name: body.first_name ?? null,
          last_name: body.last_name ?? null,
          user_image: body.user_image ?? null,
          roles: (body.roles ?? []).map((row) => row.role),
        },
        context,
      );
      if (password) await this.commands.onUser(sql, name, password, context);
    });
    return this.get(name, context);
  }

  override async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const body = await parseBody(UpdateUserDto, withoutStandardFields(changes), 'User');
    const { roles, enabled, new_password, ...profile } = body;
    const password = await passwordHashOf(new_password);
    await this.commands.transaction('User', name, async (sql) => {
      if (password) await this.commands.onUser(sql, name, password, context);
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

/** The slow hash is made before the transaction, so no row lock waits on it. */
async function passwordHashOf(password: string | undefined) {
  if (password === undefined) return undefined;
  return { type: 'SetUserPassword', password_hash: await hashSecret(password) } as const;
}
