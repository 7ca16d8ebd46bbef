import { parseAuthorizationHeader, type ApiKeyPair } from '@helpdesk/shared-credentials';
import { FrappeError } from '@helpdesk/shared-frappe-api';

/** What a connecting client presents, as the HTTP API accepts it. */
export interface HandshakeInput {
  /** Socket.IO's `auth` payload: `{ token: "key:secret" }` or `{ token: "token key:secret" }`. */
  auth: Record<string, unknown> | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The API key pair of a handshake: the `auth.token` field (what browser clients can send), else
 * the `Authorization` header, both read by the HTTP API's own parser (`token key:secret`,
 * `Basic base64(key:secret)`; a bare `key:secret` token is taken as `token key:secret`). A `sid`
 * cookie alone is refused with its own message: sessions from `/api/method/login` are not issued
 * yet.
 */
export function handshakeCredentials(input: HandshakeInput): ApiKeyPair {
  const token = input.auth?.['token'];
  const header =
    typeof token === 'string' && token.trim() !== ''
      ? /^(token|basic)\s/i.test(token.trim())
        ? token
        : `token ${token.trim()}`
      : input.headers['authorization'];
  const pair = typeof header === 'string' ? parseAuthorizationHeader(header) : undefined;
  if (pair) return pair;
  if (hasSidCookie(input.headers['cookie'])) {
    throw FrappeError.authentication('Session cookies are not accepted yet; send an API key');
  }
  throw FrappeError.authentication('Not permitted');
}

function hasSidCookie(cookie: string | string[] | undefined): boolean {
  const value = Array.isArray(cookie) ? cookie.join(';') : (cookie ?? '');
  return value.split(';').some((part) => {
    const [name, ...rest] = part.trim().split('=');
    return name === 'sid' && rest.join('=') !== '' && rest.join('=') !== 'Guest';
  });
}
