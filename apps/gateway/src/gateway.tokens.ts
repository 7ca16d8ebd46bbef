export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const REDIS = Symbol('REDIS');
export const LOGIN_SESSIONS = Symbol('LOGIN_SESSIONS');
export const RATE_LIMITS = Symbol('RATE_LIMITS');
export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');
