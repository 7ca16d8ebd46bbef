import { FrappeError, isWireError } from '@helpdesk/shared-frappe-api';
import { firstValueFrom, timeout, TimeoutError, type Observable } from 'rxjs';
import type { RequestMeta, RpcRequest } from './rpc-request.js';

/** What RpcClient needs of a Nest ClientProxy. */
export interface MessageSender {
  send<R>(pattern: string, data: unknown): Observable<R>;
}

/** Request/reply over NATS with a deadline; every failure comes back as a FrappeError. */
export class RpcClient {
  constructor(
    private readonly proxy: MessageSender,
    private readonly timeoutMs: number,
  ) {}

  async request<R, B = unknown>(subject: string, body: B, meta: RequestMeta): Promise<R> {
    const message: RpcRequest<B> = { meta, body };
    try {
      return await firstValueFrom(
        this.proxy.send<R>(subject, message).pipe(timeout(this.timeoutMs)),
      );
    } catch (error) {
      throw toFrappeError(error, subject);
    }
  }
}

function toFrappeError(error: unknown, subject: string): FrappeError {
  if (error instanceof FrappeError) return error;
  if (error instanceof TimeoutError) {
    return new FrappeError('GatewayTimeoutError', `No reply for ${subject} in time`, 'Timeout');
  }
  if (isWireError(error)) return new FrappeError(error.excType, error.message, error.title);
  return new FrappeError(
    'ServiceUnavailableError',
    `Service for ${subject} is unavailable`,
    'Service Unavailable',
  );
}
