/**
 * Response metrics, as pure functions: a ticket's conversation folded from facts in any order,
 * and `avg_response_time` in working time.
 */
export * from './conversation.js';
export * from './response-gaps.js';
/**
 * Dashboards and ticket stats: each ticket's facts folded from its events, the rollups they add
 * to, and the figures Frappe's dashboards compute from them.
 */
export * from './dashboard/index.js';
export * from './stats/index.js';
export * from './python-rounding.js';
