import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogueCommand, CatalogueContext } from './catalogue.commands.js';
import { decideCatalogue } from './catalogue.decide.js';
import type { CatalogueEvent } from './catalogue.events.js';
import { CatalogueRuleViolation } from './catalogue-rule-violation.js';
import type { CatalogueDoctype, CatalogueValues } from './catalogue.schema.js';
import { evolveCatalogueEntry, initialCatalogueEntry } from './catalogue.state.js';

const now = new Date('2026-11-21T10:00:00Z');
const statuses: { name: string; values: CatalogueValues }[] = [
  { name: 'Open', values: { category: 'Open', enabled: 1 } },
  { name: 'Replied', values: { category: 'Paused', enabled: 1 } },
  { name: 'Resolved', values: { category: 'Resolved', enabled: 1 } },
  { name: 'Closed', values: { category: 'Resolved', enabled: 1 } },
];

function context(overrides: Partial<CatalogueContext> = {}): CatalogueContext {
  return {
    actor: 'manager@example.com',
    now,
    siblings: statuses,
    exists: (doctype: CatalogueDoctype, name: string) =>
      doctype === 'HD Ticket Priority' && name === 'High',
    statusesInUse: new Set(['Open']),
    ...overrides,
  };
}

const given = (events: CatalogueEvent[]) =>
  events.reduce(evolveCatalogueEntry, initialCatalogueEntry);
const violation = (kind: string, message?: RegExp) => (error: unknown) =>
  error instanceof CatalogueRuleViolation &&
  error.kind === kind &&
  (!message || message.test(error.message));

function added(doctype: CatalogueDoctype, name: string, values: CatalogueValues): CatalogueEvent {
  return {
    type: 'CatalogueEntryAdded',
    data: { doctype, name, values, at: now.toISOString(), by: 'x' },
  };
}

describe('catalogue decide', () => {
  it('adds a status named by its agent label, with defaults filled in', () => {
    const command: CatalogueCommand = {
      type: 'AddCatalogueEntry',
      data: {
        doctype: 'HD Ticket Status',
        values: { label_agent: ' Waiting ', category: 'Paused' },
      },
      context: context(),
    };
    const [event] = decideCatalogue(command, given([]));
    assert.equal(event?.type, 'CatalogueEntryAdded');
    assert.equal(event?.data.name, 'Waiting');
    assert.deepEqual(event?.type === 'CatalogueEntryAdded' && event.data.values, {
      label_agent: 'Waiting',
      label_customer: null,
      different_view: 0,
      category: 'Paused',
      color: null,
      order: null,
      enabled: 1,
    });
  });

  it('refuses a duplicate, a missing name, an unknown field and a bad category', () => {
    const add = (values: CatalogueValues, name?: string) =>
      decideCatalogue(
        {
          type: 'AddCatalogueEntry',
          data: { doctype: 'HD Ticket Status', values, ...(name ? { name } : {}) },
          context: context(),
        },
        given(
          values.label_agent === 'Open'
            ? [added('HD Ticket Status', 'Open', { category: 'Open' })]
            : [],
        ),
      );
    assert.throws(
      () => add({ label_agent: 'Open', category: 'Open' }),
      violation('already-exists'),
    );
    assert.throws(() => add({ category: 'Open' }), violation('mandatory', /label_agent/));
    assert.throws(
      () => add({ label_agent: 'X', category: 'Open', colour: 'Red' }),
      violation('invalid', /colour/),
    );
    assert.throws(
      () => add({ label_agent: 'X', category: 'Closed' }),
      violation('invalid', /category/),
    );
  });

  it('checks feedback ratings as Frappe does', () => {
    const add = (rating: number) =>
      decideCatalogue(
        {
          type: 'AddCatalogueEntry',
          data: { doctype: 'HD Ticket Feedback Option', values: { label: 'Meh', rating } },
          context: context({ siblings: [] }),
        },
        given([]),
      );
    assert.throws(() => add(0.3), violation('invalid', /^Rating 0.3 is not allowed$/));
    assert.throws(() => add(1.2), violation('invalid', /^Rating must be between 0.2 and 1.0$/));
    assert.equal(add(0.6).length, 1);
  });

  it('allows only the colour and order of Closed to change, and never its name', () => {
    const closed = given([
      added('HD Ticket Status', 'Closed', {
        label_agent: 'Closed',
        category: 'Resolved',
        color: 'Gray',
      }),
    ]);
    const change = (changes: CatalogueValues) =>
      decideCatalogue(
        {
          type: 'ChangeCatalogueEntry',
          data: { doctype: 'HD Ticket Status', name: 'Closed', changes },
          context: context(),
        },
        closed,
      );
    assert.equal(change({ color: 'Red' }).length, 1);
    assert.throws(
      () => change({ label_agent: 'Done' }),
      violation('invalid', /'Closed' status cannot be renamed/),
    );
    assert.throws(() => change({ category: 'Paused' }), violation('invalid'));
    assert.deepEqual(change({ color: 'Gray' }), [], 'no change, no event');
  });

  it('keeps at least one status per category and protects statuses HD Settings uses', () => {
    const replied = given([
      added('HD Ticket Status', 'Replied', {
        label_agent: 'Replied',
        category: 'Paused',
        enabled: 1,
      }),
    ]);
    assert.throws(
      () =>
        decideCatalogue(
          {
            type: 'ChangeCatalogueEntry',
            data: { doctype: 'HD Ticket Status', name: 'Replied', changes: { category: 'Open' } },
            context: context(),
          },
          replied,
        ),
      violation('invalid', /category 'Paused' must exist/),
    );
    const open = given([
      added('HD Ticket Status', 'Open', { label_agent: 'Open', category: 'Open', enabled: 1 }),
    ]);
    assert.throws(
      () =>
        decideCatalogue(
          {
            type: 'RemoveCatalogueEntry',
            data: { doctype: 'HD Ticket Status', name: 'Open' },
            context: context(),
          },
          open,
        ),
      violation('invalid'),
    );
  });

  it('refuses to delete system ticket types and links to missing priorities', () => {
    const unspecified = given([added('HD Ticket Type', 'Unspecified', { is_system: 1 })]);
    assert.throws(
      () =>
        decideCatalogue(
          {
            type: 'RemoveCatalogueEntry',
            data: { doctype: 'HD Ticket Type', name: 'Unspecified' },
            context: context(),
          },
          unspecified,
        ),
      violation('invalid', /^System types can not be deleted$/),
    );
    assert.throws(
      () =>
        decideCatalogue(
          {
            type: 'AddCatalogueEntry',
            data: { doctype: 'HD Ticket Type', name: 'Billing', values: { priority: 'Lowest' } },
            context: context(),
          },
          given([]),
        ),
      violation('invalid', /Lowest/),
    );
  });

  it('ignores system-only fields from users but lets seeding set them', () => {
    const add = (system: boolean) =>
      decideCatalogue(
        {
          type: 'AddCatalogueEntry',
          data: { doctype: 'HD Ticket Type', name: 'Ops', values: { is_system: 1 } },
          context: context({ system }),
        },
        given([]),
      )[0];
    const fromUser = add(false);
    assert.equal(fromUser?.type === 'CatalogueEntryAdded' && fromUser.data.values.is_system, 0);
    const seeded = add(true);
    assert.equal(seeded?.type === 'CatalogueEntryAdded' && seeded.data.values.is_system, 1);
  });

  it('refuses changes to an entry that does not exist', () => {
    assert.throws(
      () =>
        decideCatalogue(
          {
            type: 'ChangeCatalogueEntry',
            data: { doctype: 'HD Ticket Priority', name: 'Nope', changes: { level: 'Low' } },
            context: context(),
          },
          given([]),
        ),
      violation('not-found'),
    );
  });
});
