import { IsIn, IsInt, IsOptional, Matches, Max, Min, registerDecorator } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings every app reads. Apps extend this class with their own. */
export class CommonConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 0;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsInt()
  @Min(100)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  @Matches(/^nats:\/\/.+/, { message: 'must be a nats:// URL' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Prefix for every NATS subject and JetStream stream name; isolates test runs and tenants. */
  @IsOptional()
  @Matches(/^[a-z0-9_-]*$/, { message: 'must be lower-case letters, digits, "-" or "_"' })
  HELPDESK_NAMESPACE = '';

  /** The site zone in which datetimes are rendered on the wire, as Frappe does. */
  @IsTimeZone()
  HELPDESK_TIME_ZONE = 'UTC';
}

export class PostgresConfig extends CommonConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://root@127.0.0.1:5432/helpdesk';

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;
}

export const REDIS_URL_PATTERN = /^rediss?:\/\/.+/;

export function IsTimeZone() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value),
        defaultMessage: () => 'must be an IANA time zone such as Europe/Berlin',
      },
    });
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
