import { parseCookie } from 'cookie';
import { parseAuthorizationHeader, type ApiKeyPair } from '@helpdesk/shared-credentials';
import { FrappeError } from '@helpdesk/shared-frappe-api';

/** What a connecting client presents, as the HTTP API accepts it. */
export interface HandshakeInput {
  /** Socket.IO's `auth` payload: `{ token: "key:secret" }` or `{ token: "token key:secret" }`. */
  auth: Record<string, unknown> | undefined;
  headers: Record<string, string | string[] | undefined>;
}

export type HandshakeCredentials = { pair: ApiKeyPair } | { sid: string };

/**
 * The credentials of a handshake: the `auth.token` field (what browser clients can send), else
 * the `Authorization` header, both read by the HTTP API's own parser (`token key:secret`,
 * `Basic base64(key:secret)`; a bare `key:secret` token is taken as `token key:secret`), else the
 * `sid` cookie of a login session, as Frappe's Socket.IO server accepts it.
 */
export function handshakeCredentials(input: HandshakeInput): HandshakeCredentials {
  const token = input.auth?.['token'];
  const header =
    typeof token === 'string' && token.trim() !== ''
      ? /^(token|basic)\s/i.test(token.trim())
        ? token
        : `token ${token.trim()}`
      : input.headers['authorization'];
  const pair = typeof header === 'string' ? parseAuthorizationHeader(header) : undefined;
  if (pair) return { pair };
  const sid = sidOf(input.headers['cookie']);
  if (sid) return { sid };
  throw FrappeError.authentication('Not permitted');
}

/**
 * Browsers send cookies with cross-site WebSocket handshakes too, so a session handshake must
 * come from the site itself (its Origin's host is the Host it connects to) or an allowed origin.
 */
export function sessionOriginAllowed(
  headers: HandshakeInput['headers'],
  allowedOrigins: readonly string[],
): boolean {
  const origin = headers['origin'];
  if (typeof origin !== 'string') return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === headers['host'];
  } catch {
    return false;
  }
}

function sidOf(cookie: string | string[] | undefined): string | undefined {
  const header = Array.isArray(cookie) ? cookie.join('; ') : cookie;
  if (!header) return undefined;
  const sid = parseCookie(header).sid;
  return sid && sid !== 'Guest' ? sid : undefined;
}
