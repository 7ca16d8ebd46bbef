import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { natsCheck, redisCheck } from '@helpdesk/shared-app-host';
import { createMetricsRegistry, ObservabilityModule } from '@helpdesk/shared-observability';
import type { NatsConnection } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import { LoginThrottle, RateLimits, type RateLimitSettings } from '@helpdesk/gateway-access';
import { LoginSessions, loginSessionPrefix } from '@helpdesk/shared-credentials';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator.js';
import { AuthGuard } from './auth/auth.guard.js';
import { SessionAuthenticator } from './auth/session-authenticator.js';
import { SessionController } from './auth/session.controller.js';
import { FrappeExceptionFilter } from './errors/frappe-exception.filter.js';
import type { GatewayConfig } from './gateway.config.js';
import {
  GATEWAY_CONFIG,
  LOGIN_SESSIONS,
  LOGIN_THROTTLE,
  RATE_LIMITS,
  REDIS,
} from './gateway.tokens.js';
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
      controllers: [
        SessionController,
        ResourceController,
        FrappeClientController,
        MethodController,
      ],
      providers: [
        ApiKeyAuthenticator,
        SessionAuthenticator,
        {
          provide: LOGIN_SESSIONS,
          inject: [REDIS],
          useFactory: (redis: Redis) =>
            new LoginSessions(
              redis,
              loginSessionPrefix(config.HELPDESK_NAMESPACE),
              config.SESSION_EXPIRY_SECONDS,
            ),
        },
        {
          provide: RATE_LIMITS,
          inject: [REDIS],
          useFactory: (redis: Redis) =>
            config.HELPDESK_RATE_LIMITS === 'off'
              ? null
              : new RateLimits(redis, keyPrefixOf(config), rateLimitSettings(config)),
        },
        {
          provide: LOGIN_THROTTLE,
          inject: [REDIS],
          useFactory: (redis: Redis) =>
            config.HELPDESK_RATE_LIMITS === 'off'
              ? null
              : new LoginThrottle(redis, keyPrefixOf(config), rateLimitSettings(config)),
        },
        Documents,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: FrappeExceptionFilter },
      ],
    };
  }
}

function keyPrefixOf(config: GatewayConfig): string {
  return loginSessionPrefix(config.HELPDESK_NAMESPACE);
}

function rateLimitSettings(config: GatewayConfig): RateLimitSettings {
  return {
    sitePerMinute: config.RATE_LIMIT_SITE_PER_MINUTE,
    ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
    guestIpPerMinute: config.RATE_LIMIT_GUEST_IP_PER_MINUTE,
    userPerMinute: config.RATE_LIMIT_USER_PER_MINUTE,
    consecutiveLoginFailures: config.LOGIN_CONSECUTIVE_FAILURES,
    lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS,
  };
}
