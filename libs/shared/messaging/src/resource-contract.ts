/**
 * Frappe's document CRUD as NATS requests. The gateway sends `<service>.resource.<op>` with the
 * DocType in the body; the owning service answers for every DocType it owns.
 */
export const RESOURCE_OPS = ['list', 'count', 'get', 'insert', 'update', 'delete'] as const;
export type ResourceOp = (typeof RESOURCE_OPS)[number];

export function resourceSubject(service: string, op: ResourceOp): string {
  return `${service}.resource.${op}`;
}

export interface ResourceListBody {
  doctype: string;
  /** Frappe list parameters as received (fields, filters, or_filters, order_by, limit_start, …). */
  params: Record<string, unknown>;
}

export interface ResourceCountBody {
  doctype: string;
  filters?: unknown;
  or_filters?: unknown;
}

export interface ResourceGetBody {
  doctype: string;
  name: string;
}

export interface ResourceInsertBody {
  doctype: string;
  doc: Record<string, unknown>;
}

export interface ResourceUpdateBody {
  doctype: string;
  name: string;
  changes: Record<string, unknown>;
}

export interface ResourceDeleteBody {
  doctype: string;
  name: string;
}
