import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PeopleCommands } from '@helpdesk/agent-application';
import { ADMINISTRATOR } from '@helpdesk/agent-domain';
import { generateToken, hashSecret, verifySecret } from '@helpdesk/shared-credentials';
import type { Sql } from '@helpdesk/shared-event-store';
import type { RequestContext } from '@helpdesk/shared-messaging';
import type { IssuedKeyPair } from '../user-credentials.js';

export const ADMIN_KEY_PAIR = Symbol('ADMIN_KEY_PAIR');
export const ADMIN_PASSWORD = Symbol('ADMIN_PASSWORD');

const SYSTEM: RequestContext = {
  user: ADMINISTRATOR,
  roles: ['Administrator'],
  correlationId: 'agent-service-start',
};

/**
 * Every start makes sure Administrator exists, as events, with the configured login password and
 * a key pair: the configured one (re-
 * recorded only when it changed), otherwise one generated the first time and logged once. Replicas
 * starting together race on Administrator's stream; the loser re-reads it and keeps the winner's.
 */
export class AdministratorBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Administrator');

  constructor(
    @Inject(PeopleCommands) private readonly commands: PeopleCommands,
    @Inject(ADMIN_KEY_PAIR) private readonly configured: IssuedKeyPair | undefined,
    @Inject(ADMIN_PASSWORD) private readonly password: string | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const issued = await this.commands.transaction('User', ADMINISTRATOR, async (sql) => {
      const admin = await this.commands.onUser(
        sql,
        ADMINISTRATOR,
        { type: 'RegisterAdministrator' },
        SYSTEM,
      );
      await this.setPassword(sql, admin.password_hash);
      if (this.configured) {
        const unchanged =
          admin.api_key === this.configured.apiKey &&
          admin.api_secret_hash !== null &&
          (await verifySecret(this.configured.apiSecret, admin.api_secret_hash));
        if (!unchanged) await this.issue(sql, this.configured);
        return undefined;
      }
      if (admin.api_key) return undefined;
      const adopted = await this.keptKeyPair(sql);
      if (adopted) {
        await this.record(sql, adopted.api_key, adopted.api_secret_hash);
        return undefined;
      }
      const pair = { apiKey: generateToken(15), apiSecret: generateToken(15) };
      await this.issue(sql, pair);
      return pair;
    });
    if (issued) {
      // Shown once: only a hash of the secret is kept.
      this.logger.warn({
        msg: 'generated an API key pair for Administrator; store it now, the secret is not shown again',
        apiKey: issued.apiKey,
        apiSecret: issued.apiSecret,
      });
    }
  }

  /** The configured login password, recorded again only when it changed. */
  private async setPassword(sql: Sql, current: string | null): Promise<void> {
    if (!this.password) return;
    if (current !== null && (await verifySecret(this.password, current))) return;
    await this.commands.onUser(
      sql,
      ADMINISTRATOR,
      { type: 'SetUserPassword', password_hash: await hashSecret(this.password) },
      SYSTEM,
    );
  }

  private async issue(sql: Sql, pair: IssuedKeyPair): Promise<void> {
    await this.record(sql, pair.apiKey, await hashSecret(pair.apiSecret));
  }

  private async record(sql: Sql, apiKey: string, hash: string): Promise<void> {
    await this.commands.onUser(
      sql,
      ADMINISTRATOR,
      { type: 'IssueApiKeys', api_key: apiKey, api_secret_hash: hash },
      SYSTEM,
    );
  }

  /** A key pair stored before users were event-sourced is adopted rather than replaced. */
  private async keptKeyPair(sql: Sql) {
    const { rows } = await sql.query<{ api_key: string; api_secret_hash: string }>(
      `SELECT api_key, api_secret_hash FROM agent.users
        WHERE name = $1 AND api_key IS NOT NULL AND api_secret_hash IS NOT NULL`,
      [ADMINISTRATOR],
    );
    return rows[0];
  }
}
