import { BenchConfigError } from '../bench-config.js';
import { autoAssignmentScenario } from './auto-assignment.scenario.js';
import { dashboardScenario } from './dashboard.scenario.js';
import { metricsDrainScenario } from './metrics-drain.scenario.js';
import { metricsLagScenario } from './metrics-lag.scenario.js';
import { realtimeLatencyScenario } from './realtime-latency.scenario.js';
import type { Scenario } from './scenario.js';
import { slaApplicationScenario } from './sla-application.scenario.js';
import { ticketCreationScenario } from './ticket-creation.scenario.js';
import { ticketListScenario } from './ticket-list.scenario.js';

/** Every scenario, in run order. */
export const scenarios: Scenario[] = [
  ticketCreationScenario,
  ticketListScenario,
  dashboardScenario,
  autoAssignmentScenario,
  slaApplicationScenario,
  metricsLagScenario,
  metricsDrainScenario,
  realtimeLatencyScenario,
];

/**
 * The scenarios named on the command line, in run order, or the default ones when none is named.
 * An unknown name is an error that lists the known ones.
 */
export function selectScenarios(names: string[]): Scenario[] {
  const unknown = names.filter((name) => !scenarios.some((scenario) => scenario.id === name));
  if (unknown.length > 0) {
    throw new BenchConfigError(
      `unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.id).join(', ')}`,
    );
  }
  return scenarios.filter((scenario) =>
    names.length > 0 ? names.includes(scenario.id) : scenario.byDefault,
  );
}

export type { BenchContext, LevelResult, Scenario, ScenarioResult } from './scenario.js';
export { ScenarioRefused } from './scenario.js';
