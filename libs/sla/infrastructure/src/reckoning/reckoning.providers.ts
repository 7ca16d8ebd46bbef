import type { Provider, Type } from '@nestjs/common';
import { TicketSlaClock, type SlaPolicies } from '@helpdesk/sla-application';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { SLA_POLICIES } from '../agreements/agreement.providers.js';
import { ServiceRequests } from '@helpdesk/shared-messaging';
import type { SlaServiceOptions } from '../sla-service.options.js';
import { DeadlineTimers } from './deadline-timers.js';
import { PostgresTicketClocks } from './postgres-ticket-clocks.js';
import { RecomputeJobs } from './recompute-jobs.js';
import { ReckoningDispatcher } from './reckoning-dispatcher.js';
import { ReckoningIntakes } from './reckoning-intakes.js';

/**
 * Each ticket's SLA clock: the intake of ticket events, the reckonings sent to ticket-service,
 * the deadline timers in BullMQ and the recomputation after an SLA or holiday list changes.
 */
export function reckoningParts(options: SlaServiceOptions): {
  providers: Provider[];
  controllers: Type[];
} {
  const redis = { url: options.redisUrl, namespace: options.namespace };
  const sent = new Counter({
    name: 'helpdesk_sla_reckonings_sent_total',
    help: 'SLA reckonings sent to ticket-service: applied, or unchanged (nothing differed)',
    labelNames: ['outcome'],
    registers: [options.metrics],
  });
  return {
    controllers: [],
    providers: [
      {
        provide: TicketSlaClock,
        inject: [SLA_POLICIES],
        useFactory: (policies: SlaPolicies) =>
          new TicketSlaClock({
            clocks: new PostgresTicketClocks(),
            policies,
            siteTimeZone: options.timeZone,
          }),
      },
      {
        provide: ReckoningDispatcher,
        inject: [DataSource, ServiceRequests],
        useFactory: (dataSource: DataSource, requests: ServiceRequests) =>
          new ReckoningDispatcher(dataSource, requests, (outcome) => sent.inc({ outcome })),
      },
      {
        provide: DeadlineTimers,
        inject: [DataSource, TicketSlaClock, ReckoningDispatcher],
        useFactory: (
          dataSource: DataSource,
          clock: TicketSlaClock,
          dispatcher: ReckoningDispatcher,
        ) => new DeadlineTimers(dataSource, clock, dispatcher, redis),
      },
      {
        provide: RecomputeJobs,
        inject: [DataSource, SLA_POLICIES, TicketSlaClock, ReckoningDispatcher, DeadlineTimers],
        useFactory: (
          dataSource: DataSource,
          policies: SlaPolicies,
          clock: TicketSlaClock,
          dispatcher: ReckoningDispatcher,
          timers: DeadlineTimers,
        ) => new RecomputeJobs(dataSource, policies, clock, dispatcher, timers, redis),
      },
      ReckoningIntakes,
    ],
  };
}
