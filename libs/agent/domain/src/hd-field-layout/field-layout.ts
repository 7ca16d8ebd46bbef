import { PeopleRuleViolation } from '../agent-rule-violation.js';
import type { CommandContext } from '../command-context.js';
import { isAgentActor, isSystemManager } from '../roles.js';

/** HD Field Layout's `type` Select: the agent home dashboard is its only use so far. */
export const FIELD_LAYOUT_TYPES = ['Landing Page'] as const;
export type FieldLayoutType = (typeof FIELD_LAYOUT_TYPES)[number];

/** A layout is a few dozen charts at most; the caps keep one save from filling the log. */
export const MAX_LAYOUT_BYTES = 64 * 1024;
export const MAX_LAYOUT_CHARTS = 100;

/** An HD Field Layout's own fields (frappe-api: HD Field Layout), without the standard ones. */
export interface FieldLayout {
  document_type: string | null;
  user: string | null;
  type: FieldLayoutType;
  apply_to_system: boolean;
  /** The charts and their grid places, as the JSON text the dashboard saves. */
  layout: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The layout text as given, once it is a JSON list of `{chart, layout}` objects within the caps.
 * The chart grid fields inside `layout` (x, y, w, h, …) belong to the dashboard and are kept as
 * they are.
 */
export function checkedLayout(text: string): string {
  if (new TextEncoder().encode(text).byteLength > MAX_LAYOUT_BYTES)
    throw new PeopleRuleViolation('invalid', 'Layout is too large: at most 64 KiB is kept');
  let charts: unknown;
  try {
    charts = JSON.parse(text);
  } catch {
    throw new PeopleRuleViolation('invalid', 'Layout must be valid JSON');
  }
  if (!Array.isArray(charts))
    throw new PeopleRuleViolation('invalid', 'Layout must be a JSON list of charts');
  if (charts.length > MAX_LAYOUT_CHARTS)
    throw new PeopleRuleViolation(
      'invalid',
      `Layout can hold at most ${MAX_LAYOUT_CHARTS} charts, not ${charts.length}`,
    );
  charts.forEach((item: unknown, i) => {
    const valid =
      isObject(item) &&
      typeof item.chart === 'string' &&
      item.chart.trim() !== '' &&
      isObject(item.layout);
    if (!valid)
      throw new PeopleRuleViolation(
        'invalid',
        `Layout row ${i + 1} must be an object with a chart name and a layout object`,
      );
  });
  return text;
}

/**
 * Frappe gives System Managers every layout and Agents and Agent Managers theirs only (`if_owner`):
 * the ones they made, or that are made for them (`user`).
 */
export function mayReadFieldLayout(
  viewer: Pick<CommandContext, 'actor' | 'roles'>,
  layout: { user: string | null; owner: string },
): boolean {
  if (isSystemManager(viewer)) return true;
  return isAgentActor(viewer) && (layout.user === viewer.actor || layout.owner === viewer.actor);
}
