import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { assertPlainJson, FrappeError } from '@helpdesk/shared-frappe-api';
import type { Actor } from './actor.js';

/** What travels with every command and query over NATS. */
export interface RequestMeta {
  actor: Actor;
  correlationId: string;
  idempotencyKey?: string;
}

export interface RpcRequest<B> {
  meta: RequestMeta;
  body: B;
}

/**
 * Validates a message's body against a class-validator DTO at the service edge; the gateway is not
 * the only client of a service, so services do not trust their callers' shapes.
 */
export async function parseBody<T extends object>(
  dto: new () => T,
  body: unknown,
  doctype: string,
): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw FrappeError.validation('Request body must be a JSON object');
  }
  // class-transformer recurses into every value and reads `constructor` off objects it meets.
  assertPlainJson(body, 'Request body', { prototypeKeys: false });
  const instance = plainToInstance(dto, body);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length === 0) return instance;
  const missing = errors.filter((e) => e.constraints?.isDefined || e.constraints?.isNotEmpty);
  if (missing.length > 0)
    throw FrappeError.mandatory(
      doctype,
      missing.map((e) => e.property),
    );
  throw FrappeError.validation(errors.map(describe).join('; '));
}

function describe(error: ValidationError): string {
  if (error.constraints?.whitelistValidation) return `Unknown field: ${error.property}`;
  return Object.values(error.constraints ?? {}).join(', ') || `Invalid value for ${error.property}`;
}

export function isRpcRequest(value: unknown): value is RpcRequest<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const meta = (value as { meta?: Partial<RequestMeta> }).meta;
  return (
    typeof meta === 'object' &&
    meta !== null &&
    typeof meta.correlationId === 'string' &&
    typeof meta.actor?.user === 'string' &&
    Array.isArray(meta.actor.roles)
  );
}
