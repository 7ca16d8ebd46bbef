import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseAuthorizationHeader } from './authorization-header.js';

const fails = (header: string, excType: string) =>
  assert.throws(
    () => parseAuthorizationHeader(header),
    (error: unknown) => error instanceof FrappeError && error.excType === excType,
  );

describe('Authorization header', () => {
  it('reads `token key:secret`', () => {
    assert.deepEqual(parseAuthorizationHeader('token abc:s3cr:et'), {
      apiKey: 'abc',
      apiSecret: 's3cr:et',
    });
  });

  it('reads `Basic base64(key:secret)`', () => {
    const header = `Basic ${Buffer.from('abc:def').toString('base64')}`;
    assert.deepEqual(parseAuthorizationHeader(header), { apiKey: 'abc', apiSecret: 'def' });
  });

  it('treats no header, or one not of two parts, as no credentials (Guest)', () => {
    assert.equal(parseAuthorizationHeader(undefined), undefined);
    assert.equal(parseAuthorizationHeader('token'), undefined);
    assert.equal(parseAuthorizationHeader('token a:b extra'), undefined);
  });

  it('refuses undecodable Basic with 400 and malformed pairs with 401', () => {
    fails('Basic ***', 'InvalidAuthorizationToken');
    fails('token nocolon', 'AuthenticationError');
    fails('token :secret', 'AuthenticationError');
    fails('token key:', 'AuthenticationError');
    fails('Bearer abc', 'AuthenticationError');
  });
});
