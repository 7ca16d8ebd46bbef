/**
 * Response metrics, as pure functions: a ticket's conversation folded from facts in any order,
 * and `avg_response_time` in working time.
 */
export * from './conversation.js';
export * from './response-gaps.js';
