export * from './ticket.subjects.js';
export * from './hd-ticket.document.js';
export * from './create-ticket.dto.js';
export * from './ticket-events.v1.js';
export * from './catalogue-events.v1.js';
export * from './conversation.dto.js';
export * from './frappe-arguments.js';
export * from './ticket-api.dto.js';
