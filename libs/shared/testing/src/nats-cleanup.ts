import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/** Deletes every JetStream stream a test run's namespace created. */
export async function deleteNamespaceStreams(natsUrl: string, namespace: string): Promise<void> {
  const prefix = `${namespace.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_`;
  const nats = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nats);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(prefix)) await jsm.streams.delete(name);
    }
  } finally {
    await nats.close();
  }
}
