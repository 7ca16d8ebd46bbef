import { withConnection } from '@helpdesk/shared-event-store';
import type { AuthenticatedUser, SessionUser } from '@helpdesk/agent-contracts';
import type { DataSource } from 'typeorm';
import { generateToken, hashSecret, verifySecret } from '@helpdesk/shared-credentials';

export interface IssuedKeyPair {
  apiKey: string;
  apiSecret: string;
}

// Verifying against a dummy hash when the key or user is unknown keeps response time from
// revealing which keys and users exist.
const DUMMY_HASH = hashSecret(generateToken(32));

interface UserRow {
  name: string;
  full_name: string;
  roles: string[];
  user_type: string;
  password_set_at: Date | null;
}

const COLUMNS = 'name, full_name, roles, user_type, password_set_at';

/** Who a key pair, a password or a login session belongs to, from agent-service's users. */
export class UserCredentials {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(apiKey: string, apiSecret: string): Promise<AuthenticatedUser | undefined> {
    const row = await this.one<{ api_secret_hash: string }>(
      `SELECT ${COLUMNS}, api_secret_hash FROM agent.users WHERE api_key = $1 AND enabled`,
      [apiKey],
    );
    const valid = await verifySecret(apiSecret, row?.api_secret_hash ?? (await DUMMY_HASH));
    return row && valid ? authenticated(row) : undefined;
  }

  /** `usr` is the user's name or email, as Frappe's login accepts either. */
  async authenticatePassword(usr: string, pwd: string): Promise<SessionUser | undefined> {
    const row = await this.one<{ password_hash: string | null }>(
      `SELECT ${COLUMNS}, password_hash FROM agent.users
        WHERE (name = $1 OR lower(email) = lower($1)) AND enabled
        ORDER BY name = $1 DESC LIMIT 1`,
      [usr],
    );
    const valid = await verifySecret(pwd, row?.password_hash ?? (await DUMMY_HASH));
    return row?.password_hash && valid ? sessionUser(row) : undefined;
  }

  /** An enabled user as a session sees it now: their roles and when their password last changed. */
  async sessionUser(user: string): Promise<SessionUser | undefined> {
    const row = await this.one(`SELECT ${COLUMNS} FROM agent.users WHERE name = $1 AND enabled`, [
      user,
    ]);
    return row && sessionUser(row);
  }

  private one<Extra extends object = object>(text: string, values: unknown[]) {
    return withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<UserRow & Extra>(text, values);
      return rows[0];
    });
  }
}

function authenticated(row: UserRow): AuthenticatedUser {
  return { user: row.name, fullName: row.full_name, roles: row.roles };
}

function sessionUser(row: UserRow): SessionUser {
  return {
    ...authenticated(row),
    userType: row.user_type === 'Website User' ? 'Website User' : 'System User',
    passwordSetAt: row.password_set_at?.toISOString() ?? null,
  };
}
