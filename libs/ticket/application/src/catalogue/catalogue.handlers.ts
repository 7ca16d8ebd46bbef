import {
  handleCommand,
  withConnection,
  type PostgresEventStore,
  type Sql,
} from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import {
  catalogueStreamId,
  CATALOGUE_SCHEMAS,
  CatalogueRuleViolation,
  decideCatalogue,
  decideHdSettingsChange,
  DEFAULT_HD_SETTINGS,
  evolveCatalogueEntry,
  evolveHdSettings,
  HD_SETTINGS_STREAM,
  initialCatalogueEntry,
  type CatalogueContext,
  type CatalogueDoctype,
  type CatalogueEntryState,
  type CatalogueEvent,
  type CatalogueValues,
  type HdSettings,
  type HdSettingsChanged,
} from '@helpdesk/ticket-catalogue-domain';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../request-context.js';
import type { CatalogueReadModel } from './catalogue-read-model.port.js';
import { loadTicketLookups } from './ticket-lookups.js';

const MANAGER_ROLES = ['Administrator', 'System Manager', 'Agent Manager'];

/** Add, change and remove catalogue entries and HD Settings: load → fold → decide → append → project. */
export class CatalogueCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly readModel: CatalogueReadModel,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  add(
    doctype: CatalogueDoctype,
    values: CatalogueValues,
    context: RequestContext,
    name?: string,
    system = false,
  ) {
    const schema = CATALOGUE_SCHEMAS[doctype];
    const entryName = String((schema.nameField ? values[schema.nameField] : name) ?? '').trim();
    if (!system) assertManager(context, doctype);
    return this.run(doctype, entryName, context, system, (state, ctx) =>
      decideCatalogue(
        {
          type: 'AddCatalogueEntry',
          data: { doctype, values, ...(name ? { name } : {}) },
          context: ctx,
        },
        state,
      ),
    );
  }

  change(
    doctype: CatalogueDoctype,
    name: string,
    changes: CatalogueValues,
    context: RequestContext,
  ) {
    assertManager(context, doctype);
    return this.run(doctype, name, context, false, (state, ctx) =>
      decideCatalogue(
        { type: 'ChangeCatalogueEntry', data: { doctype, name, changes }, context: ctx },
        state,
      ),
    );
  }

  remove(doctype: CatalogueDoctype, name: string, context: RequestContext) {
    assertManager(context, doctype);
    return this.run(doctype, name, context, false, (state, ctx) =>
      decideCatalogue(
        { type: 'RemoveCatalogueEntry', data: { doctype, name }, context: ctx },
        state,
      ),
    );
  }

  async changeSettings(changes: Record<string, unknown>, context: RequestContext): Promise<void> {
    assertManager(context, 'HD Settings');
    try {
      await handleCommand<HdSettings, HdSettingsChanged>(
        this.dataSource,
        {
          store: this.store,
          initialState: DEFAULT_HD_SETTINGS,
          evolve: evolveHdSettings,
          project: (sql, events) => this.readModel.project(sql, events),
        },
        HD_SETTINGS_STREAM,
        async (state, sql) =>
          decideHdSettingsChange(state, changes, {
            actor: context.user,
            now: this.clock(),
            lookups: await loadTicketLookups(sql, this.readModel),
          }),
        { actor: context.user, correlationId: context.correlationId },
      );
    } catch (error) {
      throw toFrappe(error);
    }
  }

  private async run(
    doctype: CatalogueDoctype,
    name: string,
    context: RequestContext,
    system: boolean,
    decide: (state: CatalogueEntryState, context: CatalogueContext) => CatalogueEvent[],
  ): Promise<string> {
    try {
      await handleCommand<CatalogueEntryState, CatalogueEvent>(
        this.dataSource,
        {
          store: this.store,
          initialState: initialCatalogueEntry,
          evolve: evolveCatalogueEntry,
          project: (sql, events) => this.readModel.project(sql, events),
        },
        catalogueStreamId(doctype, name || '-'),
        async (state, sql) => decide(state, await this.context(sql, doctype, context, system)),
        { actor: context.user, correlationId: context.correlationId },
      );
      return name;
    } catch (error) {
      throw toFrappe(error);
    }
  }

  private async context(
    sql: Sql,
    doctype: CatalogueDoctype,
    request: RequestContext,
    system: boolean,
  ): Promise<CatalogueContext> {
    const siblings = await this.readModel.entries(sql, doctype);
    const priorities = await this.readModel.entries(sql, 'HD Ticket Priority');
    const settings = await this.readModel.settings(sql);
    const priorityNames = new Set(priorities.map((p) => p.name));
    return {
      actor: request.user,
      now: this.clock(),
      siblings,
      exists: (target, name) => target === 'HD Ticket Priority' && priorityNames.has(name),
      statusesInUse: new Set(
        [settings.default_ticket_status, settings.ticket_reopen_status].filter(
          (s): s is string => typeof s === 'string',
        ),
      ),
      system,
    };
  }

  /** Adds the install seeds on first start; replicas starting together seed once. */
  async seed(
    seeds: readonly { doctype: CatalogueDoctype; name?: string; values: CatalogueValues }[],
  ): Promise<number> {
    const system: RequestContext = {
      user: 'Administrator',
      roles: ['Administrator'],
      correlationId: 'seed',
    };
    return withConnection(this.dataSource, async (sql) => {
      await sql.query(`SELECT pg_advisory_lock(hashtext('catalogue-seed'))`);
      try {
        const { rows } = await sql.query(
          `SELECT 1 FROM ${this.store.schema}.streams WHERE stream_id LIKE 'catalogue-%' LIMIT 1`,
        );
        if (rows.length > 0) return 0;
        for (const seed of seeds)
          await this.add(seed.doctype, seed.values, system, seed.name, true);
        return seeds.length;
      } finally {
        await sql.query(`SELECT pg_advisory_unlock(hashtext('catalogue-seed'))`);
      }
    });
  }
}

function assertManager(context: RequestContext, doctype: string): void {
  if (!context.roles.some((role) => MANAGER_ROLES.includes(role))) {
    throw FrappeError.permission(`Not permitted to change ${doctype}`);
  }
}

function toFrappe(error: unknown): unknown {
  if (!(error instanceof CatalogueRuleViolation)) return error;
  switch (error.kind) {
    case 'mandatory':
      return new FrappeError('MandatoryError', error.message, 'Missing Fields');
    case 'already-exists':
      return new FrappeError('DuplicateEntryError', error.message);
    case 'not-found':
      return new FrappeError('DoesNotExistError', error.message);
    case 'forbidden':
      return FrappeError.permission(error.message);
    case 'invalid':
      return FrappeError.validation(error.message);
  }
}
