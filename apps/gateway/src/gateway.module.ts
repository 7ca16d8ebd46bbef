import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { natsCheck, redisCheck } from '@helpdesk/shared-app-host';
import { createMetricsRegistry, ObservabilityModule } from '@helpdesk/shared-observability';
import type { NatsConnection } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator.js';
import { AuthGuard } from './auth/auth.guard.js';
import { FrappeExceptionFilter } from './errors/frappe-exception.filter.js';
import type { GatewayConfig } from './gateway.config.js';
import { GATEWAY_CONFIG, REDIS } from './gateway.tokens.js';
import { FrappeClientController } from './method/frappe-client.controller.js';
import { MethodController } from './method/method.controller.js';
import { Documents } from './resource/documents.js';
import { ResourceController } from './resource/resource.controller.js';
import { ServiceClient } from './rpc.providers.js';

@Module({})
class GatewayCoreModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayCoreModule,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        ServiceClient,
        {
          provide: REDIS,
          useFactory: () =>
            new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 }),
        },
      ],
      exports: [GATEWAY_CONFIG, ServiceClient, REDIS],
    };
  }
}

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const core = GatewayCoreModule.forRoot(config);
    return {
      module: GatewayModule,
      imports: [
        core,
        ObservabilityModule.forRoot({
          registry: createMetricsRegistry('gateway'),
          imports: [core],
          checks: {
            inject: [ServiceClient, REDIS],
            useFactory: (services: ServiceClient, redis: Redis) => [
              {
                name: 'nats',
                check: async () => natsCheck((await services.connect()) as NatsConnection).check(),
              },
              redisCheck(redis),
            ],
          },
        }),
      ],
      controllers: [ResourceController, FrappeClientController, MethodController],
      providers: [
        ApiKeyAuthenticator,
        Documents,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: FrappeExceptionFilter },
      ],
    };
  }
}
