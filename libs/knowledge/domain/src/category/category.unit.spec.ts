import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KnowledgeRefusal } from '../knowledge-refusal.js';
import {
  decideCreateCategory,
  decideDeleteCategory,
  decideReviseCategory,
  evolveCategory,
  initialCategoryState,
  type CategoryEvent,
} from './category.js';

const ACTOR = { user: 'Administrator', now: '2026-11-21T10:00:00.000Z' };
const refusedWith = (message: string) => (error: unknown) =>
  error instanceof KnowledgeRefusal && error.message === message;

const general = decideCreateCategory(
  initialCategoryState,
  { name: 'general', category_name: 'General' },
  false,
  ACTOR,
);
const stateOf = (events: CategoryEvent[]) => events.reduce(evolveCategory, initialCategoryState);

describe('HD Article Category decisions', () => {
  it('General is reserved once the site has it', () => {
    assert.throws(
      () =>
        decideCreateCategory(
          initialCategoryState,
          { name: 'x', category_name: 'General' },
          true,
          ACTOR,
        ),
      refusedWith('General is a reserved category name. Please use a different name to proceed.'),
    );
  });

  it('General can be neither renamed nor deleted', () => {
    assert.throws(
      () => decideReviseCategory(stateOf(general), { category_name: 'Misc' }, ACTOR),
      refusedWith("General category name can't be changed"),
    );
    assert.throws(
      () => decideDeleteCategory(stateOf(general), ACTOR),
      refusedWith("General category can't be deleted"),
    );
  });

  it('another category is renamed and deleted', () => {
    const billing = decideCreateCategory(
      initialCategoryState,
      { name: 'b', category_name: 'Billing', description: 'Invoices' },
      true,
      ACTOR,
    );
    const [renamed] = decideReviseCategory(stateOf(billing), { category_name: 'Payments' }, ACTOR);
    assert.deepEqual(renamed?.type === 'CategoryRevised' && renamed.data.changes, {
      category_name: 'Payments',
    });
    assert.equal(decideDeleteCategory(stateOf(billing), ACTOR)[0]?.type, 'CategoryDeleted');
  });
});
