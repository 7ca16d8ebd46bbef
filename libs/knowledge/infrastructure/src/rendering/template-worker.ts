import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import nunjucks from 'nunjucks';

/**
 * Renders saved-reply templates in a worker of their own (see SandboxedTemplates), with nunjucks
 * confined to plain data: a template reaches only the own, non-function properties of the values
 * it was given, never a prototype, a constructor, a global of Node's or a file.
 */

interface RuntimeFrame {
  variables: Record<string, unknown>;
  parent: RuntimeFrame | null;
}
interface RuntimeContext {
  ctx: Record<string, unknown>;
}
interface MutableRuntime {
  memberLookup(obj: unknown, key: unknown): unknown;
  contextOrFrameLookup(context: RuntimeContext, frame: RuntimeFrame, name: string): unknown;
}

const BLOCKED: ReadonlySet<string> = new Set(['constructor', '__proto__', 'prototype']);
/** `range` is the one global a template may call; longer sequences than this are refused. */
const MAX_RANGE = 10_000;

const runtime = createRequire(import.meta.url)('nunjucks/src/runtime') as MutableRuntime;

/** `a.b` and `a["b"]`: own data properties of objects and arrays, a string's characters. */
runtime.memberLookup = (obj, key) => {
  if (obj === null || obj === undefined) return undefined;
  const name = String(key);
  if (BLOCKED.has(name)) return undefined;
  if (typeof obj === 'string') {
    return name === 'length' || /^\d+$/.test(name)
      ? (obj as unknown as Record<string, unknown>)[name]
      : undefined;
  }
  if (typeof obj !== 'object' || !Object.prototype.hasOwnProperty.call(obj, name)) return undefined;
  const value = (obj as Record<string, unknown>)[name];
  return typeof value === 'function' ? undefined : value;
};

/** A bare name: the template's own variables, then the data given, then `range`. */
runtime.contextOrFrameLookup = (context, frame, name) => {
  if (BLOCKED.has(name)) return undefined;
  for (let current: RuntimeFrame | null = frame; current; current = current.parent) {
    if (Object.prototype.hasOwnProperty.call(current.variables, name)) {
      return current.variables[name];
    }
  }
  if (Object.prototype.hasOwnProperty.call(context.ctx, name)) return context.ctx[name];
  return name === 'range' ? range : undefined;
};

function range(start: number, stop?: number, step = 1): number[] {
  const [from, to] = stop === undefined ? [0, Number(start)] : [Number(start), Number(stop)];
  if (!Number.isFinite(from) || !Number.isFinite(to) || !Number.isFinite(step) || step === 0) {
    throw new Error('range() needs finite numbers and a non-zero step');
  }
  const length = Math.max(0, Math.ceil((to - from) / step));
  if (length > MAX_RANGE) throw new Error(`range() is limited to ${MAX_RANGE} numbers`);
  return Array.from({ length }, (_, i) => from + i * step);
}

// No loaders: `include`, `extends` and `import` find nothing. Values are escaped (customers write
// ticket subjects), the template's own markup is kept.
const environment = new nunjucks.Environment([], { autoescape: true, throwOnUndefined: false });
const filters = (environment as unknown as { filters: Record<string, unknown> }).filters;
const builtInFilter = environment.getFilter.bind(environment);
environment.getFilter = (name: string) => {
  if (!Object.prototype.hasOwnProperty.call(filters, name))
    throw new Error(`filter not found: ${name}`);
  return builtInFilter(name);
};

export interface RenderRequest {
  id: number;
  template: string;
  context: Record<string, unknown>;
}

export type RenderResponse =
  { id: number; ok: true; text: string } | { id: number; ok: false; error: string };

parentPort?.on('message', (request: RenderRequest) => {
  let response: RenderResponse;
  try {
    const text = environment.renderString(request.template, { ...request.context });
    response = { id: request.id, ok: true, text };
  } catch (error) {
    response = { id: request.id, ok: false, error: describe(error) };
  }
  parentPort?.postMessage(response);
});

/** nunjucks' message without the "(unknown path)" prefix every string template gets. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/^\(unknown path\)\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
