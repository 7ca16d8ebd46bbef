import { Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { throwError, type Observable } from 'rxjs';

/** Turns anything a message handler throws into a Frappe wire error for the caller. */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Rpc');

  catch(error: unknown): Observable<never> {
    if (error instanceof FrappeError) return throwError(() => error.toWire());
    this.logger.error(error);
    return throwError(() =>
      new FrappeError('InternalServerError', 'Internal server error').toWire(),
    );
  }
}
