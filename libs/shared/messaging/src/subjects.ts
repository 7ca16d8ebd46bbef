/**
 * Every NATS subject and JetStream stream name goes through here, so one namespace prefix
 * isolates a whole deployment (or a test run) from another on the same NATS server.
 */
export function namespacedSubject(namespace: string, subject: string): string {
  return namespace ? `${namespace}.${subject}` : subject;
}

export function namespacedStream(namespace: string, stream: string): string {
  return namespace ? `${namespace.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_${stream}` : stream;
}
