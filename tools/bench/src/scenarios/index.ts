import type { Scenario } from './scenario.js';
import { ticketCreationScenario } from './ticket-creation.scenario.js';

/** Every scenario, in run order. */
export const scenarios: Scenario[] = [ticketCreationScenario];

export type { BenchContext, LevelResult, Scenario, ScenarioResult } from './scenario.js';
