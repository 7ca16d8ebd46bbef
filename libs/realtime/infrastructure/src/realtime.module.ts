import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ServiceRequests } from '@helpdesk/shared-messaging';
import { Redis } from 'ioredis';
import { LoginSessions, loginSessionPrefix } from '@helpdesk/shared-credentials';
import { Counter, Gauge } from 'prom-client';
import { AccessChangeIntake } from './access-change-intake.js';
import { FannedOutEvents } from './fanned-out-events.js';
import { RoomAudit } from './room-audit.js';
import { REALTIME_OPTIONS, realtimeKeys, type RealtimeOptions } from './realtime.options.js';
import { startRealtimeServer, type RealtimeServer } from './realtime-server.js';
import { SocketAuthenticator } from './socket-authenticator.js';
import { TicketAudiences } from './ticket-audiences.js';
import { TicketEventFanout } from './ticket-event-fanout.js';

/**
 * Runs the Socket.IO server on the app's HTTP server and the fan-out of committed ticket events.
 * Shutdown stops taking events first, then closes this replica's connections (clients reconnect to
 * another replica and recover what they missed), then its Redis and NATS connections.
 */
@Injectable()
export class RealtimeLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Realtime');
  private server: RealtimeServer | undefined;
  private fanout: TicketEventFanout | undefined;
  private accessChanges: AccessChangeIntake | undefined;
  private readonly closers: (() => Promise<unknown>)[] = [];

  constructor(
    @Inject(REALTIME_OPTIONS) private readonly options: RealtimeOptions,
    @Inject(HttpAdapterHost) private readonly http: HttpAdapterHost,
  ) {}

  /** The site namespace, for tests and metrics. */
  get site() {
    return this.server?.site;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { options } = this;
    const adapterRedis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    const nats: NatsConnection = await connect({ servers: options.natsUrl, name: 'realtime' });
    const requests = await ServiceRequests.connect({
      namespace: options.namespace,
      natsUrl: options.natsUrl,
      timeoutMs: options.requestTimeoutMs,
      name: 'realtime-requests',
    });
    this.closers.push(
      () => requests.onApplicationShutdown(),
      () => nats.drain(),
      () => redis.quit(),
      () => adapterRedis.quit(),
    );
    const audiences = new TicketAudiences(requests);
    this.server = startRealtimeServer(
      this.http.httpAdapter.getHttpServer(),
      options,
      adapterRedis,
      new SocketAuthenticator(
        requests,
        options.authCacheTtlMs,
        new LoginSessions(
          redis,
          loginSessionPrefix(options.namespace),
          options.sessionExpirySeconds,
        ),
      ),
      audiences,
      (nsp) => new RoomAudit(nsp, audiences),
      this.logger,
    );
    const site = this.server.site;
    new Gauge({
      name: 'realtime_connections',
      help: 'Sockets connected to this replica',
      registers: [options.metrics],
      collect() {
        this.set(site.sockets.size);
      },
    });
    const fannedOutTotal = new Counter({
      name: 'realtime_ticket_events_fanned_out_total',
      help: 'Committed ticket events this replica fanned out (each once across the replicas)',
      registers: [options.metrics],
    });
    this.fanout = new TicketEventFanout({
      namespace: options.namespace,
      nats,
      nsp: this.server.site,
      audiences,
      fannedOut: new FannedOutEvents(redis, realtimeKeys(options.namespace).fannedOut),
      timeZone: options.timeZone,
      concurrency: options.fanoutConcurrency,
      onFannedOut: () => fannedOutTotal.inc(),
    });
    await this.fanout.start();
    this.accessChanges = new AccessChangeIntake({
      namespace: options.namespace,
      nats,
      nsp: site,
      audit: this.server.audit,
    });
    await this.accessChanges.start();
  }

  /**
   * Before the HTTP server closes (it would wait for open WebSockets): stop taking events, then
   * close this replica's connections; their clients reconnect elsewhere and recover what they missed.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.accessChanges?.stop();
    await this.fanout?.stop();
    // Closing the connections under the sockets (not disconnecting them) keeps their sessions
    // recoverable and lets the clients reconnect on their own.
    this.server?.io.engine.close();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const close of this.closers) await close().catch(() => undefined);
  }
}

@Module({})
export class RealtimeModule {
  static forRoot(options: RealtimeOptions): DynamicModule {
    return {
      module: RealtimeModule,
      providers: [{ provide: REALTIME_OPTIONS, useValue: options }, RealtimeLifecycle],
    };
  }
}
