import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { FrappeError, toErrorEnvelope, type FrappeExcType } from '@helpdesk/shared-frappe-api';
import type { FastifyReply } from 'fastify';

const BY_STATUS: Record<number, FrappeExcType> = {
  400: 'BadRequest',
  401: 'AuthenticationError',
  403: 'PermissionError',
  404: 'DoesNotExistError',
  405: 'PermissionError',
  413: 'RequestEntityTooLarge',
  414: 'URITooLong',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequestsError',
};

/** Frappe's error envelope for everything that goes wrong, with the matching HTTP status. */
@Catch()
export class FrappeExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    sendFrappeError(reply, toFrappeError(exception, this.logger));
  }
}

export function toFrappeError(exception: unknown, logger: Logger): FrappeError {
  if (exception instanceof FrappeError) return exception;
  const status = statusOf(exception);
  const excType = status !== undefined ? BY_STATUS[status] : undefined;
  if (excType && status !== undefined)
    return new FrappeError(excType, messageOf(exception, status));
  logger.error(exception);
  return new FrappeError('InternalServerError', 'Internal server error');
}

export function sendFrappeError(reply: FastifyReply, error: FrappeError): void {
  const headers = (error as { headers?: Record<string, string> }).headers;
  if (headers) void reply.headers(headers);
  void reply
    .status(error.httpStatus)
    .header('content-type', 'application/json; charset=utf-8')
    .send(toErrorEnvelope(error));
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function messageOf(exception: unknown, status: number): string {
  if (status === 404) return 'Not found';
  if (status === 413) return 'Request body is too large';
  if (exception instanceof HttpException) return exception.message;
  const code = (exception as { code?: unknown }).code;
  if (code === 'FST_ERR_BAD_URL') return 'The URL is not validly percent-encoded';
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return 'A part of the URL is too long';
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Unsupported content type';
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'Request body is empty';
  return 'Request body is not valid JSON';
}
