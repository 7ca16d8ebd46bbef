import { FrappeError } from '@helpdesk/shared-frappe-api';

export interface ApiKeyPair {
  apiKey: string;
  apiSecret: string;
}

/** What a connecting client presents, as the HTTP API accepts it. */
export interface HandshakeInput {
  /** Socket.IO's `auth` payload: `{ token: "key:secret" }` or `{ token: "token key:secret" }`. */
  auth: Record<string, unknown> | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The API key pair of a handshake: the `auth.token` field (what browser clients can send), else
 * the `Authorization` header in either of the HTTP API's forms (`token key:secret`,
 * `Basic base64(key:secret)`). A `sid` cookie alone is refused with its own message: sessions
 * from `/api/method/login` are not issued yet.
 */
export function handshakeCredentials(input: HandshakeInput): ApiKeyPair {
  const token = input.auth?.['token'];
  if (typeof token === 'string' && token.trim() !== '') {
    const value = token.trim();
    return /^(token|basic)\s/i.test(value) ? fromHeader(value) : splitPair(value);
  }
  const header = input.headers['authorization'];
  if (typeof header === 'string' && header.trim() !== '') return fromHeader(header.trim());
  if (hasSidCookie(input.headers['cookie'])) {
    throw FrappeError.authentication('Session cookies are not accepted yet; send an API key');
  }
  throw FrappeError.authentication('Not permitted');
}

function fromHeader(header: string): ApiKeyPair {
  const parts = header.split(/\s+/);
  if (parts.length !== 2) throw FrappeError.authentication('Invalid authorization header');
  const [scheme, credentials] = parts as [string, string];
  switch (scheme.toLowerCase()) {
    case 'token':
      return splitPair(credentials);
    case 'basic': {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      if (
        Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') !==
        credentials.replace(/=+$/, '')
      ) {
        throw FrappeError.authentication(
          'Failed to decode token, please provide a valid base64-encoded token.',
        );
      }
      return splitPair(decoded);
    }
    default:
      throw FrappeError.authentication('Unsupported authorization scheme');
  }
}

function splitPair(credentials: string): ApiKeyPair {
  const separator = credentials.indexOf(':');
  if (separator <= 0 || separator === credentials.length - 1) {
    throw FrappeError.authentication('Invalid API key or secret');
  }
  return { apiKey: credentials.slice(0, separator), apiSecret: credentials.slice(separator + 1) };
}

function hasSidCookie(cookie: string | string[] | undefined): boolean {
  const value = Array.isArray(cookie) ? cookie.join(';') : (cookie ?? '');
  return value.split(';').some((part) => {
    const [name, ...rest] = part.trim().split('=');
    return name === 'sid' && rest.join('=') !== '' && rest.join('=') !== 'Guest';
  });
}
