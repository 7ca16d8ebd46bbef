import assert from 'node:assert/strict';
import { seededDefaultSla } from '../seeded-default-sla.js';
import type {
  ServiceLevelAgreementCommand,
  ServiceLevelAgreementContext,
  ServiceLevelAgreementInput,
} from '../service-level-agreement.commands.js';
import type { ServiceLevelAgreementValues } from '../service-level-agreement.document.js';
import {
  decideServiceLevelAgreement,
  type ServiceLevelAgreementDecision,
} from '../service-level-agreement.decide.js';
import type { ServiceLevelAgreementEvent } from '../service-level-agreement.events.js';
import {
  evolveServiceLevelAgreement,
  initialServiceLevelAgreementState,
  type ServiceLevelAgreementState,
} from '../service-level-agreement.state.js';
import { SlaDocumentViolation, type SlaExcType } from '../sla-document-violation.js';

/** Shared givens for the SLA document specs. 2026-11-23 is a Monday. */
export const now = new Date('2026-11-23T09:00:00.000Z');
export const NOW = now.toISOString();
export const MANAGER = 'manager@example.com';
export const SITE_ZONE = 'Europe/Berlin';

/** A site with the seeded priorities and statuses, the seeded holiday list and "Default" as default SLA. */
export function context(
  overrides: Partial<ServiceLevelAgreementContext> = {},
): ServiceLevelAgreementContext {
  return {
    actor: MANAGER,
    now,
    siteTimeZone: SITE_ZONE,
    otherDefaultSla: 'Default',
    holidayListExists: true,
    ticketPriorities: ['Urgent', 'High', 'Medium', 'Low'].map((name) => ({ name, enabled: true })),
    openTicketStatuses: ['Open', 'Replied'],
    ...overrides,
  };
}

/** The seeded SLA's fields as a client would send them to create another SLA named `name`. */
export function validInput(
  name: string,
  overrides: ServiceLevelAgreementInput = {},
): ServiceLevelAgreementInput {
  const { name: _, default_priority: __, ...seeded } = seededDefaultSla(SITE_ZONE);
  return { ...seeded, service_level: name, default_sla: 0, ...overrides };
}

export function given(events: ServiceLevelAgreementEvent[]): ServiceLevelAgreementState {
  return events.reduce(evolveServiceLevelAgreement, initialServiceLevelAgreementState);
}

/** An SLA as stored: the seeded one's fields, renamed, with `values` over them. */
export function created(
  name: string,
  values: Partial<ServiceLevelAgreementValues> = {},
): ServiceLevelAgreementEvent {
  const { name: _, ...seeded } = seededDefaultSla(SITE_ZONE);
  return {
    type: 'ServiceLevelAgreementCreated',
    data: {
      name,
      at: NOW,
      by: MANAGER,
      values: { ...seeded, service_level: name, default_sla: 0, ...values },
    },
  };
}

export function decide(
  history: ServiceLevelAgreementEvent[],
  command: ServiceLevelAgreementCommand,
  overrides: Partial<ServiceLevelAgreementContext> = {},
): ServiceLevelAgreementDecision {
  return decideServiceLevelAgreement(given(history), command, context(overrides));
}

export function create(
  values: ServiceLevelAgreementInput,
  overrides: Partial<ServiceLevelAgreementContext> = {},
): ServiceLevelAgreementDecision {
  return decide([], { type: 'CreateServiceLevelAgreement', data: { values } }, overrides);
}

/** Refused as Frappe refuses it: the exception class and, when given, the exact message. */
export function assertViolation(
  run: () => unknown,
  excType: SlaExcType,
  message?: string | RegExp,
): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof SlaDocumentViolation, `not a violation: ${String(error)}`);
    assert.equal(error.excType, excType, error.message);
    if (typeof message === 'string') assert.equal(error.message, message);
    else if (message) assert.match(error.message, message);
    return true;
  });
}
