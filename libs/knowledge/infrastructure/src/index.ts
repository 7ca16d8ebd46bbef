export * from './knowledge.migrations.js';
export * from './knowledge-service.options.js';
export * from './knowledge-service.module.js';
export * from './rendering/sandboxed-templates.js';
