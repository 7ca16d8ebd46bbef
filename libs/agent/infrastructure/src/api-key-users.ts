import { withConnection } from '@helpdesk/shared-event-store';
import type { AuthenticatedUser } from '@helpdesk/agent-contracts';
import type { DataSource } from 'typeorm';
import { generateToken, hashSecret, verifySecret } from '@helpdesk/shared-credentials';

export interface IssuedKeyPair {
  apiKey: string;
  apiSecret: string;
}

// Verifying against a dummy hash when the key is unknown keeps response time from revealing
// which keys exist.
const DUMMY_HASH = hashSecret(generateToken(32));

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
}
