import { parseCookie } from 'cookie';
import type { GatewayRequest } from '../gateway-request.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const METHOD_PATH = /^\/api\/(?:v1\/)?method\/([^/?#]+)/;

/** The `sid` cookie a request carries, if any. */
export function sessionIdOf(request: GatewayRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  return parseCookie(header).sid || undefined;
}

/**
 * Frappe's CSRF rule for cookie sessions: an unsafe request must repeat the session's token in
 * `X-Frappe-CSRF-Token` (or a `csrf_token` form field).
 */
export function csrfSatisfied(request: GatewayRequest, token: string): boolean {
  if (!UNSAFE.has(request.method)) return true;
  const header = request.headers['x-frappe-csrf-token'];
  const body = request.body as Record<string, unknown> | undefined;
  const given = typeof header === 'string' ? header : body?.csrf_token;
  return typeof given === 'string' && constantTimeEqual(given, token);
}

/** The `/api/method/<name>` a request calls, decoded; empty for other routes. */
export function calledMethod(request: GatewayRequest): string {
  const match = METHOD_PATH.exec(request.url);
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return '';
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < right.length; i += 1) difference |= (left[i] ?? 0) ^ right[i]!;
  return difference === 0;
}
