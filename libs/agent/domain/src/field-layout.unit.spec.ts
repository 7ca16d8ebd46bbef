import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PeopleRuleViolation, type PeopleViolationKind } from './agent-rule-violation.js';
import type { CommandContext } from './command-context.js';
import { mayReadFieldLayout } from './hd-field-layout/field-layout.js';
import type {
  FieldLayoutCommand,
  FieldLayoutContext,
  FieldLayoutInput,
} from './hd-field-layout/field-layout.commands.js';
import { decideFieldLayout, personalPairAfter } from './hd-field-layout/field-layout.decide.js';
import type { FieldLayoutEvent } from './hd-field-layout/field-layout.events.js';
import { evolveFieldLayout } from './hd-field-layout/field-layout.evolve.js';
import { NO_FIELD_LAYOUT, type FieldLayoutState } from './hd-field-layout/field-layout.state.js';

const at = '2026-11-22T10:00:00.000Z';
const ANN: CommandContext = { actor: 'ann@example.com', roles: ['Agent'], at };
const BOB: CommandContext = { actor: 'bob@example.com', roles: ['Agent'], at };
const LEAD: CommandContext = { actor: 'lead@example.com', roles: ['Agent Manager'], at };
const SYS: CommandContext = { actor: 'sys@example.com', roles: ['System Manager'], at };
const ADMIN: CommandContext = { actor: 'Administrator', roles: ['Administrator'], at };
const CUSTOMER: CommandContext = { actor: 'cat@customer.com', roles: ['HD Customer'], at };
const USERS = new Set([ANN, BOB, LEAD, SYS, ADMIN, CUSTOMER].map((c) => c.actor));

const LAYOUT = JSON.stringify([
  { chart: 'ticket_count', layout: { x: 0, y: 0, w: 4, h: 2 } },
  { chart: 'avg_first_response', layout: { x: 4, y: 0, w: 4, h: 2, minW: 2 } },
]);
const OTHER_LAYOUT = JSON.stringify([
  { chart: 'ticket_count', layout: { x: 0, y: 0, w: 8, h: 4 } },
]);

const refused = (kind: PeopleViolationKind, message?: RegExp) => (error: unknown) =>
  error instanceof PeopleRuleViolation &&
  error.kind === kind &&
  (message === undefined || message.test(error.message));

const context = (base: CommandContext, samePersonalLayout?: string): FieldLayoutContext => ({
  ...base,
  isUser: (name) => USERS.has(name),
  samePersonalLayout,
});

const after = (events: FieldLayoutEvent[]): FieldLayoutState =>
  events.reduce(evolveFieldLayout, NO_FIELD_LAYOUT);
const when = (given: FieldLayoutEvent[], command: FieldLayoutCommand) =>
  decideFieldLayout(command, after(given));

const create = (fields: FieldLayoutInput, ctx = context(ANN)): FieldLayoutCommand => ({
  type: 'CreateFieldLayout',
  name: 'a1b2c3d4e5',
  fields,
  context: ctx,
});
const created = (fields: FieldLayoutInput, ctx = context(ANN)) => when([], create(fields, ctx));
const edit = (changes: FieldLayoutInput, ctx = context(ANN)): FieldLayoutCommand => ({
  type: 'EditFieldLayout',
  changes,
  context: ctx,
});
const remove = (ctx = context(ANN)): FieldLayoutCommand => ({
  type: 'RemoveFieldLayout',
  context: ctx,
});
const annsLayout = () => created({ user: ANN.actor, layout: LAYOUT });

describe('HD Field Layout', () => {
  it('is a personal Landing Page layout unless told, owned and stamped by whoever saved it', () => {
    const state = after(annsLayout());
    assert.deepEqual(state, {
      kind: 'present',
      layout: {
        name: 'a1b2c3d4e5',
        document_type: null,
        user: ANN.actor,
        type: 'Landing Page',
        apply_to_system: false,
        layout: LAYOUT,
        creation: at,
        modified: at,
        modified_by: ANN.actor,
        owner: ANN.actor,
      },
    });
  });

  it('keeps only a JSON list of charts, each a named chart with a layout object', () => {
    const invalid = (layout: string, message: RegExp) =>
      assert.throws(() => created({ user: ANN.actor, layout }), refused('invalid', message));
    invalid('{"chart"', /^Layout must be valid JSON$/);
    invalid('{"chart": "x", "layout": {}}', /^Layout must be a JSON list of charts$/);
    invalid('[1]', /^Layout row 1 must be an object with a chart name and a layout object$/);
    invalid('[{"chart": "a", "layout": {}}, {"chart": " ", "layout": {}}]', /^Layout row 2 /);
    invalid('[{"chart": "a", "layout": [1, 2]}]', /^Layout row 1 /);
    invalid('[{"chart": "a"}]', /^Layout row 1 /);
    assert.throws(() => created({ user: ANN.actor }), refused('mandatory', /: layout$/));
    assert.throws(
      () => created({ user: ANN.actor, layout: '  ' }),
      refused('mandatory', /: layout$/),
    );
    assert.equal(created({ user: ANN.actor, layout: '[]' }).length, 1);
  });

  it('caps a layout at 64 KiB and 100 charts', () => {
    const charts = (n: number, chart = 'c') =>
      JSON.stringify(Array.from({ length: n }, () => ({ chart, layout: { x: 0 } })));
    assert.equal(created({ user: ANN.actor, layout: charts(100) }).length, 1);
    assert.throws(
      () => created({ user: ANN.actor, layout: charts(101) }),
      refused('invalid', /^Layout can hold at most 100 charts, not 101$/),
    );
    assert.throws(
      () => created({ user: ANN.actor, layout: charts(10, 'é'.repeat(4000)) }),
      refused('invalid', /^Layout is too large: at most 64 KiB is kept$/),
    );
  });

  it('is of type Landing Page only, and needs a user when personal and a DocType when not', () => {
    assert.throws(
      () => created({ user: ANN.actor, layout: LAYOUT, type: 'Ticket View' }),
      refused('invalid', /^Type cannot be "Ticket View". It should be one of "Landing Page"$/),
    );
    assert.throws(() => created({ layout: LAYOUT }), refused('mandatory', /: user$/));
    assert.throws(
      () => created({ apply_to_system: true, layout: LAYOUT }, context(SYS)),
      refused('mandatory', /: document_type$/),
    );
    const [system] = created(
      { apply_to_system: true, document_type: 'HD Ticket', layout: LAYOUT },
      context(SYS),
    );
    assert.equal(system?.type === 'HdFieldLayoutCreated' && system.data.user, null);
  });

  it('links only an existing user', () => {
    assert.throws(
      () => created({ user: 'ghost@example.com', layout: LAYOUT }, context(SYS)),
      refused('link', /^Could not find User: ghost@example\.com$/),
    );
  });

  it('lets agents save only their own personal layout; System Managers save anyone’s', () => {
    for (const agent of [BOB, LEAD])
      assert.throws(
        () => created({ user: ANN.actor, layout: LAYOUT }, context(agent)),
        refused('permission', /^You can only save your own layout$/),
      );
    assert.throws(
      () =>
        created(
          { user: LEAD.actor, apply_to_system: true, document_type: 'HD Ticket', layout: LAYOUT },
          context(LEAD),
        ),
      refused('permission', /^Only a System Manager can save a layout for everyone$/),
    );
    for (const manager of [SYS, ADMIN])
      assert.equal(created({ user: ANN.actor, layout: LAYOUT }, context(manager)).length, 1);
    assert.throws(
      () => created({ user: CUSTOMER.actor, layout: LAYOUT }, context(CUSTOMER)),
      refused('permission', /^Insufficient Permission for HD Field Layout$/),
    );
  });

  it('refuses a second personal layout of the same user and type, naming the first', () => {
    assert.throws(
      () => created({ user: ANN.actor, layout: LAYOUT }, context(ANN, 'f0e1d2c3b4')),
      refused(
        'duplicate',
        /^ann@example\.com already has a Landing Page layout: HD Field Layout f0e1d2c3b4$/,
      ),
    );
    const system = created(
      { apply_to_system: true, document_type: 'HD Ticket', layout: LAYOUT },
      context(SYS, 'f0e1d2c3b4'),
    );
    assert.equal(system.length, 1, 'system layouts are not personal');
    assert.throws(
      () => when(annsLayout(), edit({ user: BOB.actor }, context(SYS, 'b0b0b0b0b0'))),
      refused('duplicate'),
    );
  });

  it('says which personal pair a save would hold', () => {
    const state = after(annsLayout());
    const before = state.kind === 'present' ? state.layout : undefined;
    assert.deepEqual(personalPairAfter({ user: ANN.actor }), {
      user: ANN.actor,
      type: 'Landing Page',
    });
    assert.deepEqual(personalPairAfter({ layout: '[]' }, before), {
      user: ANN.actor,
      type: 'Landing Page',
    });
    assert.deepEqual(personalPairAfter({ user: ` ${BOB.actor} ` }, before)?.user, BOB.actor);
    assert.equal(personalPairAfter({ apply_to_system: true }, before), undefined);
    assert.equal(personalPairAfter({ layout: '[]' }), undefined);
  });

  it('records only the fields that changed, and nothing when nothing did', () => {
    const given = annsLayout();
    const events = when(given, edit({ layout: OTHER_LAYOUT, user: ANN.actor }));
    assert.deepEqual(events, [
      {
        type: 'HdFieldLayoutChanged',
        data: { at, by: ANN.actor, changes: { layout: OTHER_LAYOUT } },
      },
    ]);
    assert.deepEqual(when(given, edit({ layout: LAYOUT, type: 'Landing Page' })), []);
    const state = after([...given, ...events]);
    assert.equal(state.kind === 'present' && state.layout.layout, OTHER_LAYOUT);
    assert.throws(() => when(given, edit({ layout: '{}' })), refused('invalid', /list of charts/));
  });

  it('checks every change again: an agent cannot give their layout away or make it everyone’s', () => {
    const given = annsLayout();
    assert.throws(
      () => when(given, edit({ user: BOB.actor })),
      refused('permission', /^You can only save your own layout$/),
    );
    assert.throws(
      () => when(given, edit({ apply_to_system: true, document_type: 'HD Ticket' })),
      refused('permission', /^Only a System Manager can save a layout for everyone$/),
    );
    assert.throws(() => when(given, edit({ user: null }, context(SYS))), refused('mandatory'));
    assert.throws(
      () => when(given, edit({ user: 'ghost@example.com' }, context(SYS))),
      refused('link'),
    );
    const moved = when(given, edit({ user: BOB.actor }, context(SYS)));
    assert.deepEqual(moved[0]?.type === 'HdFieldLayoutChanged' && moved[0].data.changes, {
      user: BOB.actor,
    });
  });

  it('is changed and deleted by its agent or a System Manager only', () => {
    const given = annsLayout();
    for (const other of [BOB, LEAD]) {
      assert.throws(
        () => when(given, edit({ layout: OTHER_LAYOUT }, context(other))),
        refused('permission', /^No permission to change HD Field Layout a1b2c3d4e5$/),
      );
      assert.throws(
        () => when(given, remove(context(other))),
        refused('permission', /^No permission to delete HD Field Layout a1b2c3d4e5$/),
      );
    }
    assert.throws(() => when(given, remove(context(CUSTOMER))), refused('permission'));
    assert.equal(when(given, edit({ layout: OTHER_LAYOUT }, context(SYS))).length, 1);
    const removed = [...given, ...when(given, remove())];
    assert.equal(after(removed).kind, 'absent');
    assert.throws(() => when(removed, remove()), refused('not-found'));
    assert.throws(() => when(removed, edit({ layout: LAYOUT })), refused('not-found'));
  });

  it('is read by its user, its owner and System Managers; not by other agents or customers', () => {
    const layout = { user: ANN.actor, owner: 'Administrator' };
    assert.equal(mayReadFieldLayout(ANN, layout), true);
    assert.equal(mayReadFieldLayout(ADMIN, layout), true);
    assert.equal(mayReadFieldLayout(SYS, layout), true);
    assert.equal(mayReadFieldLayout(BOB, { user: null, owner: BOB.actor }), true);
    assert.equal(mayReadFieldLayout(BOB, layout), false);
    assert.equal(mayReadFieldLayout(LEAD, layout), false);
    assert.equal(
      mayReadFieldLayout(CUSTOMER, { user: CUSTOMER.actor, owner: CUSTOMER.actor }),
      false,
    );
  });
});
