export * from './realtime.options.js';
export * from './realtime.module.js';
export * from './realtime-server.js';
export * from './handshake-credentials.js';
export * from './ticket-event-fanout.js';
