export * from './frappe-error.js';
export * from './error-envelope.js';
export * from './frappe-datetime.js';
export * from './method-arguments.js';
export * from './standard-fields.js';
export * from './gateway-methods.js';
