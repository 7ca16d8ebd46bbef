/**
 * Frappe's exception classes as data: the class name travels as `exc_type`, the HTTP status as
 * Frappe's `http_status_code`. Services throw these; the gateway renders them; NATS carries them
 * as plain objects (see `toWireError`).
 */
export const FRAPPE_EXCEPTIONS = {
  ValidationError: 417,
  MandatoryError: 417,
  LinkValidationError: 417,
  LinkExistsError: 417,
  InvalidEmailAddressError: 417,
  DataError: 417,
  CharacterLengthExceededError: 417,
  DoesNotExistError: 404,
  PermissionError: 403,
  AuthenticationError: 401,
  DuplicateEntryError: 409,
  TimestampMismatchError: 409,
  CSRFTokenError: 400,
  InvalidAuthorizationToken: 400,
  BadRequest: 400,
  RequestEntityTooLarge: 413,
  URITooLong: 414,
  UnsupportedMediaType: 415,
  TooManyRequestsError: 429,
  ServiceUnavailableError: 503,
  GatewayTimeoutError: 504,
  InternalServerError: 500,
} as const;

export type FrappeExcType = keyof typeof FRAPPE_EXCEPTIONS;

export interface WireError {
  excType: FrappeExcType;
  message: string;
  title?: string;
}

export class FrappeError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly excType: FrappeExcType,
    message: string,
    readonly title?: string,
  ) {
    super(message);
    this.name = excType;
    this.httpStatus = FRAPPE_EXCEPTIONS[excType];
  }

  static doesNotExist(doctype: string, name: string | number): FrappeError {
    return new FrappeError('DoesNotExistError', `${doctype} ${name} not found`);
  }

  static mandatory(doctype: string, fields: string[]): FrappeError {
    return new FrappeError(
      'MandatoryError',
      `Error: Value missing for ${doctype}: ${fields.join(', ')}`,
      'Missing Fields',
    );
  }

  static validation(message: string): FrappeError {
    return new FrappeError('ValidationError', message);
  }

  static permission(message = 'Not permitted'): FrappeError {
    return new FrappeError('PermissionError', message, 'Not Allowed');
  }

  static authentication(message = 'Not permitted'): FrappeError {
    return new FrappeError('AuthenticationError', message);
  }

  static conflict(doctype: string, name: string | number): FrappeError {
    return new FrappeError(
      'TimestampMismatchError',
      `Document ${doctype} ${name} has been modified after you have opened it. Please refresh to get the latest document.`,
      'Conflict',
    );
  }

  toWire(): WireError {
    return {
      excType: this.excType,
      message: this.message,
      ...(this.title ? { title: this.title } : {}),
    };
  }

  static fromWire(wire: unknown): FrappeError | undefined {
    if (!isWireError(wire)) return undefined;
    return new FrappeError(wire.excType, wire.message, wire.title);
  }
}

export function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.excType === 'string' &&
    Object.hasOwn(FRAPPE_EXCEPTIONS, candidate.excType) &&
    typeof candidate.message === 'string'
  );
}
