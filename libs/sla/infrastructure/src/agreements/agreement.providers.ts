import type { Provider, Type } from '@nestjs/common';
import type { SlaServiceOptions } from '../sla-service.options.js';

/**
 * HD Service Level Agreement and HD Service Holiday List: their commands, read models, resource
 * and method controllers, the relay publishing their events, the seeded "Default" documents, and
 * the `SlaPolicies` the reckoning reads (provided under `SLA_POLICIES`).
 */
export function agreementParts(_options: SlaServiceOptions): {
  providers: Provider[];
  controllers: Type[];
} {
  return { providers: [], controllers: [] };
}

/** The `SlaPolicies` implementation the reckoning reads. */
export const SLA_POLICIES = Symbol('SLA_POLICIES');
