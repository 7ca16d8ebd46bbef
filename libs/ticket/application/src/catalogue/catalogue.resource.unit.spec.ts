import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FrappeDocument } from '../doctype-resource.js';
import type { RequestContext } from '../request-context.js';
import type { CatalogueCommands } from './catalogue.handlers.js';
import { HdSettingsResource, type CatalogueDocuments } from './catalogue.resource.js';

const caller = (user: string, roles: string[]): RequestContext => ({
  user,
  roles,
  correlationId: 'c',
});

const settings = new HdSettingsResource(
  {} as CatalogueCommands,
  {
    settingsDocument: async () =>
      ({ doctype: 'HD Settings', name: 'HD Settings' }) as unknown as FrappeDocument,
  } as CatalogueDocuments,
);

describe('HD Settings as a resource', () => {
  it('given an agent or Administrator, when they read it, then they get the document', async () => {
    for (const context of [
      caller('ann@example.com', ['Agent']),
      caller('mia@example.com', ['Agent Manager']),
      caller('Administrator', []),
    ]) {
      assert.equal((await settings.get('HD Settings', context)).name, 'HD Settings');
      assert.deepEqual(await settings.list({}, context), [{ name: 'HD Settings' }]);
    }
  });

  it('given a portal customer or a guest, when they read it, then it is a PermissionError', async () => {
    for (const context of [
      caller('cat@customer.example', ['HD Customer']),
      caller('Guest', ['Guest']),
    ]) {
      await assert.rejects(settings.get('HD Settings', context), { excType: 'PermissionError' });
      await assert.rejects(settings.list({}, context), { excType: 'PermissionError' });
      await assert.rejects(settings.count({}, context), { excType: 'PermissionError' });
    }
  });
});
