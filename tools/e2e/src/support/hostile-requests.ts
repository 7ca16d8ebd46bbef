import { request as httpRequest, type Agent } from 'node:http';
import fc from 'fast-check';
import { API_DOCTYPES, API_METHODS } from './api-routes.js';

/** Who sends a request: a known user, nobody, or a malformed/unknown credential. */
export type CallerKind = 'Administrator' | 'agent' | 'customer' | 'guest' | 'bad-auth';

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One route of the API: a DocType's collection or document, or a whitelisted method. */
export type ApiRoute =
  | { kind: 'collection'; verb: HttpVerb; doctype: string }
  | { kind: 'document'; verb: HttpVerb; doctype: string }
  | { kind: 'method'; method: string };

export interface HostileRequest {
  /** Which malformation this request carries (counted in failures). */
  label: string;
  caller: CallerKind;
  verb: string;
  /** The raw request target, already percent-encoded (or deliberately mis-encoded). */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Chunked upload of this many bytes with no Content-Length (a streamed huge body). */
  streamedBytes?: number;
  /** The only acceptable status, where the malformation decides it (413 for huge bodies). */
  expectStatus?: number;
  /** A write that must fail: a 2xx here means the generator made a valid request by accident. */
  mustFail: boolean;
}

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Route enumeration, from the contracts and the gateway's own method table.

export const ALL_DOCTYPES = API_DOCTYPES;

export function allMethods(): string[] {
  return [...API_METHODS];
}

export function allRoutes(): ApiRoute[] {
  const verbs: HttpVerb[] = ['GET', 'POST', 'PUT', 'DELETE'];
  const resources = ALL_DOCTYPES.flatMap((doctype) =>
    verbs.flatMap((verb): ApiRoute[] => [
      { kind: 'collection', verb, doctype },
      { kind: 'document', verb, doctype },
    ]),
  );
  const methods = allMethods().map((method): ApiRoute => ({ kind: 'method', method }));
  return [...resources, ...methods];
}

/**
 * Methods that only read (Frappe's `get_*`/`search_*` naming, and the session no-ops): they may
 * answer 200 to nonsense they ignore. Every other method's hostile call must fail.
 */
export function isReadMethod(method: string): boolean {
  const last = method.slice(method.lastIndexOf('.') + 1);
  return /^(get|search)_|^(sort_options|sent_invites|ping|logout)$/.test(last);
}

export function routeLabel(route: ApiRoute): string {
  return route.kind === 'method'
    ? `method ${route.method}`
    : `${route.verb} ${route.kind} ${route.doctype}`;
}

// ---------------------------------------------------------------------------------------------
// Encoding: UTF-8 percent-encoding that never throws (lone surrogates become U+FFFD, as a
// browser sends them), plus deliberately broken escapes.

export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Escapes no URL decoder accepts as UTF-8: truncated, non-hex, overlong, surrogate, NUL. */
const BROKEN_ESCAPES = [
  '%',
  '%%',
  '%Z',
  '%zz',
  '%E0%A4%A',
  '%FF',
  '%FE%FF',
  '%C0%AF',
  '%C0%80',
  '%ED%A0%80',
  '%ED%BF%BF',
  '%F4%90%80%80',
  '%00',
  '%2500',
  '%u0000',
  '%25%',
  '%2F..%2F..%2F',
  '%5C',
  '%0D%0A',
];

// ---------------------------------------------------------------------------------------------
// Hostile values.

const SQL = [
  'name; DROP TABLE ticket.events; --',
  "x') OR 1=1--",
  "' OR '1'='1",
  '1); SELECT pg_sleep(5); --',
  "'; DELETE FROM agent.users; --",
  '$$ OR TRUE $$',
  'name" OR "1"="1',
  '`name`',
  '\\',
  '%_%',
  'count(*)',
  '(select 1)',
  '(SELECT password FROM agent.users LIMIT 1)',
  'name::text',
  'version()',
  "pg_read_file('/etc/passwd')",
  'name /* */',
  'name --',
  'modified desc; drop table x',
  'tabUser.name',
  '`tabHD Ticket`.`name`',
  '1 UNION SELECT * FROM agent.users',
  "current_setting('is_superuser')",
];

const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\uffff',
  '\ufeff',
  '\u202e',
  '\u0001\u0002\u001f',
  'é'.normalize('NFD'),
  '𝕳𝖊𝖑𝖕',
  '\\u0000',
  '\\ud800',
];

const NUMBERISH = [
  '-1',
  '-0',
  '1e308',
  '1e309',
  '-1e308',
  'NaN',
  'Infinity',
  '-Infinity',
  '99999999999999999999999',
  '2147483648',
  '9007199254740993',
  '0x10',
  '1.5',
  ' 5',
  '5 ',
  '1,000',
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
];

const OPERATORS = [
  'in',
  'not in',
  '=',
  'like',
  'between',
  'is',
  'timespan',
  '>',
  '== 1 or 1=1 --',
  '=;',
  'like/**/',
  'in (select 1)',
  'regexp',
  '~*',
  'ilike',
  '@>',
  '&&',
  '=\u0000',
  '',
  'descendants of',
  'NOT',
];

const PARAM_NAMES = [
  'doctype',
  'name',
  'dt',
  'dn',
  'docs',
  'doc',
  'method',
  'args',
  'filters',
  'or_filters',
  'fields',
  'fieldname',
  'value',
  'order_by',
  'group_by',
  'limit_start',
  'limit_page_length',
  'start',
  'page_length',
  'limit',
  'as_dict',
  'ticket',
  'ticket_id',
  'source',
  'target',
  'user',
  'users',
  'agent',
  'agent_id',
  'assign_to',
  'email',
  'emails',
  'subject',
  'description',
  'comment',
  'emoji',
  'key',
  'roles',
  'team',
  'contact',
  'customer',
  'default_filters',
  'view',
  'names',
  'message',
  'status',
  'priority',
  'communication_id',
  'comment_id',
  'holiday_list',
  'start_date',
  'end_date',
  'is_active',
  'search_term',
  'txt',
];

/** Deep nesting: an array or object chain thousands of levels down. */
function nested(depth: number, object: boolean): string {
  return object
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/** A JSON value built as text, so depth is not limited by JSON.stringify's recursion. */
const deepJsonText = fc
  .tuple(fc.integer({ min: 1000, max: 5000 }), fc.boolean())
  .map(([depth, object]) => nested(depth, object));

const hostileString = fc.oneof(
  fc.constantFrom(...SQL),
  fc.constantFrom(...UNICODE),
  fc.constantFrom(...NUMBERISH),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: 1000, max: 20_000 }).map((length) => 'x'.repeat(length)),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'),
);

const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
    -0,
    2 ** 31,
  ),
  fc.double({ noNaN: true }),
  fc.integer(),
);

/** Objects with prototype-pollution keys (set as own properties, as JSON.parse makes them). */
const protoObject = fc
  .tuple(
    fc.constantFrom('__proto__', 'constructor', 'prototype'),
    fc.constantFrom<unknown>({ polluted: 1 }, { prototype: { polluted: 1 } }, 'x', null, [1]),
  )
  .map(([key, value]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as object);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileScalar,
    protoObject,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom(...PARAM_NAMES)), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** A Frappe filter list or dict whose fields, operators or values are hostile. */
const hostileFilters: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.tuple(
          fc.oneof(fc.constantFrom('name', 'status', 'modified', 'owner'), hostileString),
          fc.constantFrom(...OPERATORS),
          hostileValue,
        ),
        fc.tuple(
          fc.constantFrom(...ALL_DOCTYPES),
          fc.oneof(fc.constantFrom('name'), hostileString),
          fc.constantFrom(...OPERATORS),
          hostileValue,
        ),
        fc.array(hostileValue, { maxLength: 6 }),
        hostileValue,
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((filters) => [...filters, ['name', 'in', "x') OR 1=1--"]]),
  fc.dictionary(fc.oneof(hostileString, fc.constantFrom('name', 'status')), hostileValue, {
    minKeys: 1,
    maxKeys: 3,
  }),
  fc.constant([['name', 'in', "x') OR 1=1--"]]),
  fc.constant([['name', 'no such operator', 'x']]),
  fc.constant({ name: ['like', '%'], status: ['in', ['Open', "x') OR 1=1--"]] }),
  fc.constant([['name', '=', { $ne: 1 }]]),
  hostileScalar,
);

const hostileFields: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(['count(*)']),
  fc.constant(['(select 1)']),
  fc.constant('name; DROP TABLE x'),
  fc.constant(['name', 'name from agent.users --']),
  fc.constant([{ COUNT: 'name); drop table x; --' }]),
  fc.constant([{ SUM: '*' }]),
  fc.constant(Array.from({ length: 500 }, () => 'name')),
  fc.array(fc.oneof(hostileString, hostileValue), { minLength: 1, maxLength: 4 }),
  hostileScalar,
);

/** List parameters, each broken: SQL, operators, nonsense types and absurd paging. */
const hostileListParams: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      filters: hostileFilters,
      or_filters: hostileFilters,
      fields: hostileFields,
      order_by: fc.oneof(fc.constantFrom(...SQL), hostileValue),
      group_by: fc.oneof(fc.constantFrom(...SQL), hostileValue),
      limit_start: fc.oneof(
        fc.constantFrom<unknown>(...NUMBERISH, -1, 1e308, 2 ** 53),
        hostileValue,
      ),
      limit_page_length: fc.oneof(
        fc.constantFrom<unknown>(...NUMBERISH, -5, 1e308, Number.MAX_VALUE),
        hostileValue,
      ),
      start: fc.constantFrom<unknown>(...NUMBERISH),
      page_length: fc.constantFrom<unknown>(...NUMBERISH),
      as_dict: hostileValue,
      unknown_field: hostileValue,
    },
    { requiredKeys: [] },
  )
  .filter((params) => Object.keys(params).length > 0);

/** Arguments of a method: known parameter names with wrong types, plus unknown ones. */
const hostileArgs = (doctypes: readonly string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      fc.dictionary(fc.constantFrom(...PARAM_NAMES), hostileValue, { minKeys: 1, maxKeys: 8 }),
      fc.option(fc.constantFrom(...doctypes), { nil: undefined }),
      fc.option(hostileListParams, { nil: undefined }),
      fc.option(protoObject, { nil: undefined }),
    )
    .map(([args, doctype, list, proto]) => ({
      ...(list ?? {}),
      ...args,
      ...(doctype === undefined ? {} : { doctype, dt: doctype }),
      ...(proto ?? {}),
    }));

/**
 * A document for a create or an update that no DocType accepts: every standard and likely field
 * holds a value of the wrong shape (objects and lists where text or numbers belong), plus unknown
 * fields and prototype keys.
 */
const poisonedDocument: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...PARAM_NAMES), hostileValue, { maxKeys: 6 }),
    fc.oneof(
      fc.constant<unknown>({ nested: { deeper: [1, { a: null }] } }),
      fc.constant<unknown>([['not', 'a', 'name']]),
      fc.constant<unknown>({ $gt: '' }),
    ),
    fc.option(protoObject, { nil: undefined }),
  )
  .map(([fields, poison, proto]) => ({
    ...fields,
    // Wrong shapes where every DocType expects text: no create or save can accept this.
    name: poison,
    subject: poison,
    status: poison,
    title: poison,
    email: poison,
    user: poison,
    first_name: poison,
    agent_name: poison,
    team_name: poison,
    customer_name: poison,
    priority: poison,
    description: poison,
    modified: poison,
    docstatus: poison,
    ...(proto ?? {}),
  }));

/** A document name that no document has: garbage, SQL, encodings, lengths. */
const hostileName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...SQL,
    ...UNICODE.filter((u) => u !== ''),
    ...NUMBERISH.filter((n) => n.trim() !== ''),
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
  fc.integer({ min: 1000, max: 3000 }).map((length) => 'n'.repeat(length)),
  fc.constantFrom(
    '..',
    '.',
    '%',
    '?',
    '#',
    '/',
    'a/b',
    '__proto__',
    'constructor',
    'Administrator',
  ),
);

/** Request bodies that are not JSON at all, sent as JSON. */
const BAD_JSON = [
  '{',
  '}',
  '[',
  '{"a":}',
  '{"a":1,}',
  '[1,2',
  '{"a":1}}',
  "{'a':1}",
  'nul',
  'tru',
  'undefined',
  'NaN',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":01}',
  '{"a":"\u0000"}',
  '{"a":"unterminated}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '\ufeff{"a":',
  '{a:1}',
  '{"a" 1}',
  '/* */{"a":1}',
  '{"a":1} // x',
  '-',
  '1e',
  '"\\',
  '{"__proto__":}',
];

const CONTENT_TYPES = [
  'text/plain',
  'text/html',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/jsonx',
  'application/javascript',
  'image/png',
  ';;;',
  'application/json; boundary="',
  'application/vnd.api+json',
  '*/*',
];

const BAD_AUTHORIZATION = [
  'token',
  'token ',
  'token :',
  'token key:',
  'token :secret',
  'token a:b:c',
  'token no-such-key:no-such-secret',
  'token  two  spaces',
  'Basic',
  'Basic !!!',
  'Basic ====',
  'Basic YQ',
  `Basic ${Buffer.from('no-colon').toString('base64')}`,
  `Basic ${Buffer.from('unknown:pair').toString('base64')}`,
  `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0x41]).toString('base64')}`,
  'Bearer abc',
  'Digest username="x"',
  'token\tkey:secret',
  `token ${'k'.repeat(4000)}:${'s'.repeat(4000)}`,
  'token \u00ff\u00fe:\u00e9',
  'TOKEN x:y',
  'token x:y extra',
  'Basic dXNlcjpwYXNz dXNlcjpwYXNz',
];

// ---------------------------------------------------------------------------------------------
// Requests.

export interface Credentials {
  /** `token key:secret` of each known caller. */
  authorization: Record<'Administrator' | 'agent' | 'customer', string>;
  /** An existing document per DocType where one was made (writes to it carry poisoned bodies). */
  existing: Record<string, string>;
}

const callerKind: fc.Arbitrary<CallerKind> = fc.constantFrom<CallerKind>(
  'Administrator',
  'Administrator',
  'Administrator',
  'Administrator',
  'agent',
  'agent',
  'customer',
  'customer',
  'guest',
  'bad-auth',
);

function authHeaders(
  caller: CallerKind,
  credentials: Credentials,
  badAuth: string,
): Record<string, string> {
  if (caller === 'guest') return {};
  if (caller === 'bad-auth') return { Authorization: badAuth };
  return { Authorization: credentials.authorization[caller] };
}

/** How a request's payload is broken. */
type Payload =
  | { how: 'bad-json'; text: string }
  | { how: 'content-type'; contentType: string; text: string }
  | { how: 'deep'; text: string }
  | { how: 'invalid-utf8'; bytes: Buffer }
  | { how: 'json'; value: unknown }
  | { how: 'query'; value: Record<string, unknown> }
  | { how: 'empty' };

const invalidUtf8Body = fc
  .tuple(fc.constantFrom(...PARAM_NAMES), fc.uint8Array({ minLength: 1, maxLength: 16 }))
  .map(([key, bytes]) =>
    Buffer.concat([
      Buffer.from(`{"${key}":"`),
      Buffer.from([0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
      Buffer.from(bytes.map((byte) => (byte === 0x22 || byte === 0x5c ? 0x41 : byte))),
      Buffer.from('"}'),
    ]),
  );

function payloadArbitrary(value: fc.Arbitrary<unknown>): fc.Arbitrary<Payload> {
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(...BAD_JSON).map((text) => ({ how: 'bad-json', text })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(...CONTENT_TYPES),
          fc.oneof(
            fc.constantFrom(...BAD_JSON),
            value.map((v) => JSON.stringify(v) ?? 'null'),
          ),
        )
        .map(([contentType, text]) => ({ how: 'content-type', contentType, text })),
      weight: 2,
    },
    {
      arbitrary: deepJsonText.map((text) => ({
        how: 'deep',
        text: `{"doc":${text},"filters":${text}}`,
      })),
      weight: 1,
    },
    { arbitrary: invalidUtf8Body.map((bytes) => ({ how: 'invalid-utf8', bytes })), weight: 1 },
    { arbitrary: value.map((v) => ({ how: 'json', value: v })), weight: 6 },
  ) as fc.Arbitrary<Payload>;
}

function withPayload(
  base: Omit<HostileRequest, 'label' | 'headers' | 'body'> & { headers: Record<string, string> },
  payload: Payload,
  label: string,
): HostileRequest {
  const json = { ...base.headers, 'Content-Type': 'application/json' };
  switch (payload.how) {
    case 'bad-json':
      return { ...base, label: `${label}/bad-json`, headers: json, body: payload.text };
    case 'content-type':
      return {
        ...base,
        label: `${label}/content-type`,
        headers: { ...base.headers, 'Content-Type': payload.contentType },
        body: payload.text,
      };
    case 'deep':
      return { ...base, label: `${label}/deep-nesting`, headers: json, body: payload.text };
    case 'invalid-utf8':
      return { ...base, label: `${label}/invalid-utf8`, headers: json, body: payload.bytes };
    case 'json':
      return {
        ...base,
        label: `${label}/json`,
        headers: json,
        body: JSON.stringify(payload.value) ?? 'null',
      };
    case 'query':
      return {
        ...base,
        label: `${label}/query`,
        path: `${base.path}${queryString(payload.value)}`,
      };
    case 'empty':
      return { ...base, label: `${label}/empty` };
  }
}

/** `?k=v&…` with every value JSON-encoded unless it is already text, percent-encoded as UTF-8. */
export function queryString(params: Record<string, unknown>): string {
  const parts = Object.entries(params).map(([key, value]) => {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
    return `${percentEncode(key)}=${percentEncode(text)}`;
  });
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

const brokenQuery: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...PARAM_NAMES),
    fc.constantFrom(...BROKEN_ESCAPES),
    fc.constantFrom(...BROKEN_ESCAPES),
  )
  .map(([key, a, b]) => `?${key}=${a}x${b}&${a}=1&&=&${key}[${a}]=2`);

/** Keeps URLs under the HTTP parser's header limit, so requests reach the router. */
const MAX_TARGET = 7000;

function clampTarget(path: string): string {
  return path.length <= MAX_TARGET ? path : path.slice(0, MAX_TARGET).replace(/%[0-9A-Fa-f]?$/, '');
}

function prefix(v1: boolean): string {
  return v1 ? '/api/v1' : '/api';
}

/** Malformed requests aimed at one route; write routes always carry something no service accepts. */
export function hostileRequestFor(
  route: ApiRoute,
  credentials: Credentials,
): fc.Arbitrary<HostileRequest> {
  const common = fc.record({
    caller: callerKind,
    badAuth: fc.constantFrom(...BAD_AUTHORIZATION),
    v1: fc.boolean(),
    encodedGarbage: fc.constantFrom(...BROKEN_ESCAPES),
    garbledPath: fc.integer({ min: 0, max: 9 }),
  });
  if (route.kind === 'method') {
    return fc
      .tuple(
        common,
        fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE'),
        hostileArgs(ALL_DOCTYPES),
        payloadArbitrary(fc.oneof(hostileArgs(ALL_DOCTYPES), hostileValue)),
        brokenQuery,
      )
      .map(([c, verb, args, payload, broken]) => {
        const garble = c.garbledPath === 0;
        const path = `${prefix(c.v1)}/method/${percentEncode(route.method)}${garble ? c.encodedGarbage : ''}`;
        const base = {
          caller: c.caller,
          verb,
          path,
          headers: authHeaders(c.caller, credentials, c.badAuth),
          mustFail: !isReadMethod(route.method),
        };
        const label = `method ${route.method}`;
        if (verb === 'GET' || payload.how === 'empty') {
          const query = c.garbledPath === 1 ? broken : queryString(args);
          return { ...base, label: `${label}/query`, path: clampTarget(`${path}${query}`) };
        }
        return withPayload(base, payload, label);
      });
  }
  const doctype = route.doctype;
  const existing = credentials.existing[doctype];
  return fc
    .tuple(
      common,
      hostileName,
      hostileListParams,
      payloadArbitrary(poisonedDocument),
      brokenQuery,
      fc.boolean(),
    )
    .map(([c, name, list, payload, broken, onExisting]) => {
      const garble = c.garbledPath === 0;
      const doctypeSegment = garble
        ? `${percentEncode(doctype)}${c.encodedGarbage}`
        : percentEncode(doctype);
      // An existing document only gets payloads that cannot be a valid change: a poisoned
      // document or a body that is not one at all (never bytes that decode to a new subject).
      const targetsExisting =
        onExisting &&
        existing !== undefined &&
        route.verb === 'PUT' &&
        payload.how !== 'invalid-utf8';
      const documentName = targetsExisting ? existing : name;
      const nameSegment =
        c.garbledPath === 2
          ? `${percentEncode(documentName)}${c.encodedGarbage}`
          : percentEncode(documentName);
      const path =
        route.kind === 'collection'
          ? `${prefix(c.v1)}/resource/${doctypeSegment}`
          : `${prefix(c.v1)}/resource/${doctypeSegment}/${nameSegment}`;
      const base = {
        caller: c.caller,
        verb: route.verb,
        path: clampTarget(path),
        headers: authHeaders(c.caller, credentials, c.badAuth),
        mustFail: route.verb !== 'GET',
      };
      const label = routeLabel(route);
      if (route.verb === 'GET') {
        const query =
          c.garbledPath === 1 ? broken : route.kind === 'collection' ? queryString(list) : '';
        return { ...base, label: `${label}/query`, path: clampTarget(`${base.path}${query}`) };
      }
      if (route.verb === 'DELETE') return { ...base, label: `${label}/delete` };
      return withPayload(base, payload, label);
    });
}

/** Bodies beyond the gateway's limit, declared and streamed: always 413. */
export function hugeBodyRequests(
  limitBytes: number,
  credentials: Credentials,
  seed: number,
): HostileRequest[] {
  const targets = [
    ...ALL_DOCTYPES.map((doctype) => `/api/resource/${percentEncode(doctype)}`),
    ...allMethods()
      .slice(0, 12)
      .map((method) => `/api/method/${percentEncode(method)}`),
  ];
  const callers: CallerKind[] = ['Administrator', 'agent', 'customer', 'guest', 'bad-auth'];
  return fc
    .sample(
      fc.tuple(
        fc.constantFrom(...targets),
        fc.constantFrom(...callers),
        fc.integer({ min: limitBytes + 1, max: limitBytes * 2 }),
        fc.constantFrom('json', 'streamed', 'text'),
      ),
      { seed, numRuns: 40 },
    )
    .map(([path, caller, size, how]): HostileRequest => {
      const headers = {
        ...authHeaders(caller, credentials, 'token nope:nope'),
        'Content-Type': how === 'text' ? 'text/plain' : 'application/json',
      };
      const filler = 'x'.repeat(size);
      return how === 'streamed'
        ? {
            label: 'huge/streamed',
            caller,
            verb: 'POST',
            path,
            headers,
            streamedBytes: size,
            expectStatus: 413,
            mustFail: true,
          }
        : {
            label: `huge/${how}`,
            caller,
            verb: how === 'text' ? 'PUT' : 'POST',
            path: how === 'text' ? `${path}/x` : path,
            headers,
            body: how === 'json' ? `{"subject":"${filler}"}` : filler,
            expectStatus: 413,
            mustFail: true,
          };
    });
}

/** Paths no route matches, or matches only after decoding garbage. */
export function garbledPathRequests(credentials: Credentials, seed: number): HostileRequest[] {
  return fc
    .sample(
      fc.tuple(
        fc.constantFrom(
          '/api/resource/',
          '/api/method/',
          '/api/',
          '/api/v1/resource/',
          '/api/resource/HD%20Ticket/',
          '/',
        ),
        fc.array(fc.oneof(fc.constantFrom(...BROKEN_ESCAPES), hostileName.map(percentEncode)), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        callerKind,
        fc.constantFrom(...BAD_AUTHORIZATION),
      ),
      { seed, numRuns: 200 },
    )
    .map(([start, segments, verb, caller, badAuth]) => ({
      label: 'garbled-path',
      caller,
      verb,
      path: clampTarget(`${start}${segments.join('/')}`),
      headers: authHeaders(caller, credentials, badAuth),
      mustFail: verb !== 'GET' && verb !== 'OPTIONS',
    }));
}

// ---------------------------------------------------------------------------------------------
// Transport: node:http, so bodies go with any verb and paths are sent byte for byte.

export function send(base: URL, hostile: HostileRequest, agent: Agent): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const headers: Record<string, string | number> = { ...hostile.headers };
    if (hostile.body !== undefined) headers['Content-Length'] = Buffer.byteLength(hostile.body);
    if (hostile.streamedBytes !== undefined) headers['Transfer-Encoding'] = 'chunked';
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: hostile.verb,
        path: hostile.path,
        headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          settled = true;
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', (error) => {
          if (!settled) reject(error);
        });
      },
    );
    req.on('error', (error) => {
      // A server may answer 413 and close while the body is still going out; the answer counts,
      // and on a loaded machine it may be read well after the write failed.
      if (!settled) setTimeout(() => !settled && reject(error), 5_000);
    });
    if (hostile.streamedBytes !== undefined) {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let left = hostile.streamedBytes;
      const pump = (): void => {
        while (left > 0) {
          const size = Math.min(left, chunk.length);
          left -= size;
          if (!req.write(chunk.subarray(0, size))) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
      return;
    }
    req.end(hostile.body);
  });
}

/** What a request looked like, short enough for a failure message. */
export function describeRequest(hostile: HostileRequest): string {
  const body =
    hostile.streamedBytes !== undefined
      ? `<${hostile.streamedBytes} streamed bytes>`
      : hostile.body === undefined
        ? ''
        : Buffer.isBuffer(hostile.body)
          ? `<bytes ${hostile.body.toString('hex').slice(0, 80)}>`
          : hostile.body.length > 300
            ? `${hostile.body.slice(0, 300)}… (${hostile.body.length} chars)`
            : hostile.body;
  const path = hostile.path.length > 300 ? `${hostile.path.slice(0, 300)}…` : hostile.path;
  return `[${hostile.label}] ${hostile.caller} ${hostile.verb} ${path} ${JSON.stringify(hostile.headers).slice(0, 200)} ${body}`;
}
