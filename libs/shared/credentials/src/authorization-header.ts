import { FrappeError } from '@helpdesk/shared-frappe-api';

export interface ApiKeyPair {
  apiKey: string;
  apiSecret: string;
}

/**
 * Frappe's `validate_auth`: only a header of exactly two space-separated parts counts;
 * `token key:secret` and `Basic base64(key:secret)` carry an API key pair.
 */
export function parseAuthorizationHeader(header: string | undefined): ApiKeyPair | undefined {
  if (!header) return undefined;
  const parts = header.trim().split(' ');
  if (parts.length !== 2) return undefined;
  const [scheme, credentials] = parts as [string, string];
  switch (scheme.toLowerCase()) {
    case 'token':
      return splitPair(credentials);
    case 'basic': {
      const decoded = decodeBase64(credentials);
      if (decoded === undefined) {
        throw new FrappeError(
          'InvalidAuthorizationToken',
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

function decodeBase64(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return decoded.includes('\uFFFD') ? undefined : decoded;
}
