import { withConnection } from '@helpdesk/shared-event-store';
import { formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import type { CatalogueDocuments, FrappeDocument } from '@helpdesk/ticket-application';
import type { CatalogueDoctype } from '@helpdesk/ticket-catalogue-domain';
import type { DataSource } from 'typeorm';
import { CATALOGUE_META } from '../doctype-meta/catalogue.meta.js';
import { FrappeListQueries } from '../frappe-list-queries.js';
import { CATALOGUE_TABLES, PostgresCatalogueReadModel } from './postgres-catalogue-read-model.js';

interface StandardRow {
  owner: string;
  creation: Date;
  modified: Date;
  modified_by: string;
}

/** Catalogue rows and HD Settings rendered as Frappe documents. */
export class PostgresCatalogueDocuments implements CatalogueDocuments {
  private readonly readModel = new PostgresCatalogueReadModel();

  constructor(
    private readonly dataSource: DataSource,
    private readonly timeZone: string,
  ) {}

  list(doctype: CatalogueDoctype, params: Record<string, unknown>): Promise<unknown[]> {
    return withConnection(this.dataSource, (sql) => this.queries(doctype).list(sql, params));
  }

  count(doctype: CatalogueDoctype, params: Record<string, unknown>): Promise<number> {
    return withConnection(this.dataSource, (sql) => this.queries(doctype).count(sql, params));
  }

  private queries(doctype: CatalogueDoctype): FrappeListQueries {
    return new FrappeListQueries(CATALOGUE_META[doctype], this.timeZone);
  }

  async document(doctype: CatalogueDoctype, name: string): Promise<FrappeDocument | undefined> {
    return withConnection(this.dataSource, async (sql) => {
      const entry = (await this.readModel.entries(sql, doctype)).find((e) => e.name === name);
      if (!entry) return undefined;
      const { rows } = await sql.query<StandardRow>(
        `SELECT owner, creation, modified, modified_by FROM ${CATALOGUE_TABLES[doctype]} WHERE name = $1`,
        [name],
      );
      return { doctype, name, ...this.standard(rows[0]), ...entry.values };
    });
  }

  async settingsDocument(): Promise<FrappeDocument> {
    return withConnection(this.dataSource, async (sql) => {
      const settings = await this.readModel.settings(sql);
      const { rows } = await sql.query<StandardRow>(
        `SELECT owner, creation, modified, modified_by FROM ticket.hd_settings WHERE name = 'HD Settings'`,
      );
      return {
        doctype: 'HD Settings',
        name: 'HD Settings',
        ...this.standard(rows[0]),
        ...settings,
      };
    });
  }

  private standard(row: StandardRow | undefined) {
    const at = (value: Date | undefined) =>
      value ? formatFrappeDatetime(value, this.timeZone) : null;
    return {
      owner: row?.owner ?? 'Administrator',
      creation: at(row?.creation),
      modified: at(row?.modified),
      modified_by: row?.modified_by ?? 'Administrator',
      docstatus: 0,
      idx: 0,
    };
  }
}
