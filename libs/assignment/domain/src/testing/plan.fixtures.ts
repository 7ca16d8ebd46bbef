import { ticket } from '@helpdesk/shared-conditions/testing';
import type { AgentAvailability, AvailabilityCategory } from '../picking/availability.js';
import type { PlanAssignmentInput } from '../planning/assignment-plan.js';

export function availability(entries: Record<string, AvailabilityCategory>): AgentAvailability {
  return new Map(Object.entries(entries));
}

/** A rule pass on a Monday with everyone Active, no load and no known users, unless given. */
export function planInput(overrides: Partial<PlanAssignmentInput>): PlanAssignmentInput {
  return {
    rules: [],
    today: 'Monday',
    ticket: ticket(),
    assignments: [],
    availability: new Map(),
    openAssignmentCounts: new Map(),
    knownUsers: new Set(),
    ...overrides,
  };
}
