/** Who did it and why; stored with every event. */
export interface EventMetadata {
  actor?: string;
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  [key: string]: unknown;
}

export interface NewEvent {
  type: string;
  data: object;
  eventId?: string;
  schemaVersion?: number;
  metadata?: EventMetadata;
}

/** A stream to create, with its first events (versions 1…n). */
export interface NewStream {
  streamId: string;
  events: NewEvent[];
}

/**
 * A position in the global log. Events are read in (transactionId, globalPosition) order, which
 * never skips an event whose transaction commits after a later-numbered one (ADR 0002).
 */
export interface LogPosition {
  transactionId: string;
  globalPosition: string;
}

export const START_OF_LOG: LogPosition = { transactionId: '0', globalPosition: '0' };

export interface RecordedEvent {
  globalPosition: string;
  transactionId: string;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: Date;
}

export function positionOf(event: RecordedEvent): LogPosition {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}
