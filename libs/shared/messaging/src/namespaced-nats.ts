import { ClientNats, ServerNats, type NatsOptions } from '@nestjs/microservices';
import { namespacedSubject } from './subjects.js';

type NatsSettings = NonNullable<NatsOptions['options']>;

function prefixed(namespace: string, route: string): string {
  const prefix = namespacedSubject(namespace, '');
  return !prefix || route.startsWith(prefix) ? route : prefix + route;
}

/** Nest's NATS server with every pattern under the deployment's namespace. */
export class NamespacedNatsServer extends ServerNats {
  constructor(
    private readonly namespace: string,
    options: NatsSettings,
  ) {
    super(options);
  }

  override normalizePattern(pattern: Parameters<ServerNats['normalizePattern']>[0]): string {
    return prefixed(this.namespace, super.normalizePattern(pattern));
  }
}

/** Nest's NATS client sending to the same namespaced subjects. */
export class NamespacedNatsClient extends ClientNats {
  constructor(
    private readonly namespace: string,
    options: NatsSettings,
  ) {
    super(options);
  }

  protected override normalizePattern(
    pattern: Parameters<ClientNats['normalizePattern']>[0],
  ): string {
    return prefixed(this.namespace, super.normalizePattern(pattern));
  }
}
