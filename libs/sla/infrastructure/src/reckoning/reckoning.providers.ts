import type { Provider, Type } from '@nestjs/common';
import type { SlaServiceOptions } from '../sla-service.options.js';

/**
 * Each ticket's SLA clock: the intake of ticket events, the reckonings sent to ticket-service,
 * the deadline timers in BullMQ and the recomputation after an SLA or holiday list changes.
 */
export function reckoningParts(_options: SlaServiceOptions): {
  providers: Provider[];
  controllers: Type[];
} {
  return { providers: [], controllers: [] };
}
