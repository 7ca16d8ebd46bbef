export * from './ticket-conversation-change.js';
export * from './sla-calendars.js';
