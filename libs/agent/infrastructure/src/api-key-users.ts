import { withConnection } from '@helpdesk/shared-event-store';
import type { AuthenticatedUser } from '@helpdesk/agent-contracts';
import type { DataSource } from 'typeorm';
import { generateToken, hashSecret, verifySecret } from '@helpdesk/shared-credentials';

export const ADMINISTRATOR = 'Administrator';
const ADMINISTRATOR_ROLES = ['Administrator', 'System Manager', 'Agent Manager', 'Agent'];

// Verifying against a dummy hash when the key is unknown keeps response time from revealing
// which keys exist.
const DUMMY_HASH = hashSecret(generateToken(32));

export interface IssuedKeyPair {
  apiKey: string;
  apiSecret: string;
}

export class ApiKeyUsers {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(apiKey: string, apiSecret: string): Promise<AuthenticatedUser | undefined> {
    const row = await withConnection(this.dataSource, async (sql) => {
      const { rows } = await sql.query<{
        name: string;
        full_name: string;
        roles: string[];
        api_secret_hash: string;
      }>(
        `SELECT name, full_name, roles, api_secret_hash FROM agent.users WHERE api_key = $1 AND enabled`,
        [apiKey],
      );
      return rows[0];
    });
    const valid = await verifySecret(apiSecret, row?.api_secret_hash ?? (await DUMMY_HASH));
    return row && valid ? { user: row.name, fullName: row.full_name, roles: row.roles } : undefined;
  }

  /**
   * Makes sure Administrator exists and has a key pair: the configured one if given (re-hashed only
   * when it changed), otherwise a generated one the first time, returned so it can be shown once.
   */
  async ensureAdministrator(configured?: IssuedKeyPair): Promise<IssuedKeyPair | undefined> {
    return withConnection(this.dataSource, async (sql) => {
      await sql.query(
        `INSERT INTO agent.users (name, full_name, roles) VALUES ($1, $1, $2) ON CONFLICT (name) DO NOTHING`,
        [ADMINISTRATOR, ADMINISTRATOR_ROLES],
      );
      const { rows } = await sql.query<{ api_key: string | null; api_secret_hash: string | null }>(
        `SELECT api_key, api_secret_hash FROM agent.users WHERE name = $1`,
        [ADMINISTRATOR],
      );
      const current = rows[0];
      if (configured) {
        const unchanged =
          current?.api_key === configured.apiKey &&
          current.api_secret_hash !== null &&
          (await verifySecret(configured.apiSecret, current.api_secret_hash));
        if (!unchanged) await this.storeKeyPair(ADMINISTRATOR, configured);
        return undefined;
      }
      if (current?.api_key) return undefined;
      const issued = { apiKey: generateToken(15), apiSecret: generateToken(15) };
      // Replicas starting together race here: only the first pair written is kept and shown.
      const { rowCount } = await sql.query(
        `UPDATE agent.users SET api_key = $2, api_secret_hash = $3, modified = now()
         WHERE name = $1 AND api_key IS NULL`,
        [ADMINISTRATOR, issued.apiKey, await hashSecret(issued.apiSecret)],
      );
      return rowCount === 1 ? issued : undefined;
    });
  }

  private async storeKeyPair(user: string, pair: IssuedKeyPair): Promise<void> {
    const hash = await hashSecret(pair.apiSecret);
    await withConnection(this.dataSource, (sql) =>
      sql.query(
        `UPDATE agent.users SET api_key = $2, api_secret_hash = $3, modified = now() WHERE name = $1`,
        [user, pair.apiKey, hash],
      ),
    );
  }
}
