export * from './catalogue.schema.js';
export * from './catalogue.events.js';
export * from './catalogue.commands.js';
export * from './catalogue.state.js';
export * from './catalogue.decide.js';
export * from './catalogue-seeds.js';
export * from './catalogue-rule-violation.js';
export * from './hd-settings.js';
