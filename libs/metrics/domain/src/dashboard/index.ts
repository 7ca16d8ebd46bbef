export * from './ticket-facts.js';
export * from './local-day.js';
export * from './rollup-cells.js';
export * from './dashboard-window.js';
export * from './number-cards.js';
export * from './dashboard-charts.js';
