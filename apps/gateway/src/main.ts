import { randomUUID } from 'node:crypto';
import { runMain, startHost } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { CORRELATION_HEADER, runWithCorrelationId } from '@helpdesk/shared-observability';
import { Logger } from '@nestjs/common';
import { sendFrappeError, toFrappeError } from './errors/frappe-exception.filter.js';
import { GatewayConfig } from './gateway.config.js';
import { GatewayModule } from './gateway.module.js';

const APP = 'gateway';
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const routerLogger = new Logger('Errors');

runMain(APP, async () => {
  const config = loadConfig(APP, GatewayConfig);
  const app = await startHost({
    app: APP,
    config,
    module: GatewayModule.forRoot(config),
    bodyLimitBytes: config.HELPDESK_BODY_LIMIT_BYTES,
    trustProxy: trustedProxies(config.TRUSTED_PROXIES),
    frameworkErrors: (error, reply) => sendFrappeError(reply, toFrappeError(error, routerLogger)),
    configure: (fastify) => {
      // The rest of the request runs inside the correlation scope, so every log line carries it.
      fastify.addHook('onRequest', (request, reply, done) => {
        const given = request.headers[CORRELATION_HEADER];
        const correlationId =
          typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
        Object.assign(request, { correlationId });
        void reply.header(CORRELATION_HEADER, correlationId);
        runWithCorrelationId(correlationId, done);
      });
      // Frappe clients send DELETE (and some GETs) with a JSON content type and no body; an empty
      // body is no document rather than malformed JSON.
      fastify.addHook('onRequest', (request, _reply, done) => {
        if (
          request.headers['content-length'] === '0' ||
          (!request.headers['content-length'] && !request.headers['transfer-encoding'])
        ) {
          delete request.headers['content-type'];
        }
        done();
      });
      // Body parsing fails before Nest sees the request; answer those in Frappe's envelope too.
      const logger = new Logger('Errors');
      fastify.setErrorHandler((error, _request, reply) =>
        sendFrappeError(reply, toFrappeError(error, logger)),
      );
    },
  });
  return app;
});

/** `0` trusts no proxy, a number that many hops nearest the gateway, else the listed addresses. */
function trustedProxies(
  setting: string,
): boolean | string | ((address: string, hop: number) => boolean) {
  const trimmed = setting.trim();
  if (!/^\d+$/.test(trimmed)) return trimmed;
  const hops = Number(trimmed);
  return hops === 0 ? false : (_address, hop) => hop < hops;
}
