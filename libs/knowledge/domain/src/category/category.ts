import { refuse } from '../knowledge-refusal.js';

export const CATEGORY_DOCTYPE = 'HD Article Category';
/** The one category every site has; articles of a removed category move to it. */
export const GENERAL_CATEGORY_NAME = 'General';

export interface Category {
  name: string;
  category_name: string;
  description: string | null;
  icon: string | null;
}

export type CategoryState =
  { kind: 'absent' } | { kind: 'present'; category: Category } | { kind: 'deleted' };

export const initialCategoryState: CategoryState = { kind: 'absent' };

interface Stamp {
  at: string;
  by: string;
}

export type CategoryFields = Pick<Category, 'category_name' | 'description' | 'icon'>;

/** Fields a save may carry; null clears (the name cannot be cleared). */
export interface CategoryChanges {
  category_name?: string | null;
  description?: string | null;
  icon?: string | null;
}

export type CategoryEvent =
  | { type: 'CategoryCreated'; data: Stamp & { category: Category } }
  | { type: 'CategoryRevised'; data: Stamp & { changes: Partial<CategoryFields> } }
  | { type: 'CategoryDeleted'; data: Stamp };

export function evolveCategory(state: CategoryState, event: CategoryEvent): CategoryState {
  switch (event.type) {
    case 'CategoryCreated':
      return { kind: 'present', category: event.data.category };
    case 'CategoryRevised':
      return state.kind === 'present'
        ? { kind: 'present', category: { ...state.category, ...event.data.changes } }
        : state;
    case 'CategoryDeleted':
      return { kind: 'deleted' };
  }
}

export interface CategoryActor {
  user: string;
  now: string;
}

/**
 * A new category. `generalExists` says whether the site's General is already there: only the
 * site's own installation may make it (frappe-api §1.13).
 */
export function decideCreateCategory(
  state: CategoryState,
  input: { name: string } & CategoryChanges,
  generalExists: boolean,
  actor: CategoryActor,
): CategoryEvent[] {
  if (state.kind !== 'absent') {
    refuse('DuplicateEntryError', `HD Article Category ${input.name} already exists`);
  }
  const categoryName = requiredName(input.category_name);
  if (categoryName === GENERAL_CATEGORY_NAME && generalExists) {
    refuse(
      'ValidationError',
      'General is a reserved category name. Please use a different name to proceed.',
    );
  }
  return [
    {
      type: 'CategoryCreated',
      data: {
        at: actor.now,
        by: actor.user,
        category: {
          name: input.name,
          category_name: categoryName,
          description: input.description ?? null,
          icon: input.icon ?? null,
        },
      },
    },
  ];
}

export function decideReviseCategory(
  state: CategoryState,
  given: CategoryChanges,
  actor: CategoryActor,
): CategoryEvent[] {
  const current = presentCategory(state);
  const changes: Partial<CategoryFields> = {};
  if (given.category_name !== undefined && given.category_name !== current.category_name) {
    if (current.category_name === GENERAL_CATEGORY_NAME) {
      refuse('ValidationError', "General category name can't be changed");
    }
    changes.category_name = requiredName(given.category_name);
    if (changes.category_name === GENERAL_CATEGORY_NAME) {
      refuse(
        'ValidationError',
        'General is a reserved category name. Please use a different name to proceed.',
      );
    }
  }
  if (given.description !== undefined && given.description !== current.description) {
    changes.description = given.description;
  }
  if (given.icon !== undefined && given.icon !== current.icon) changes.icon = given.icon;
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'CategoryRevised', data: { at: actor.now, by: actor.user, changes } }];
}

export function decideDeleteCategory(state: CategoryState, actor: CategoryActor): CategoryEvent[] {
  const current = presentCategory(state);
  if (current.category_name === GENERAL_CATEGORY_NAME) {
    refuse('ValidationError', "General category can't be deleted");
  }
  return [{ type: 'CategoryDeleted', data: { at: actor.now, by: actor.user } }];
}

export function presentCategory(state: CategoryState): Category {
  if (state.kind !== 'present') refuse('DoesNotExistError', 'HD Article Category not found');
  return state.category;
}

function requiredName(value: string | null | undefined): string {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') {
    refuse('MandatoryError', 'Error: Value missing for HD Article Category: Category Name');
  }
  return trimmed;
}
