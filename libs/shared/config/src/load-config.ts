import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(
    readonly app: string,
    readonly problems: string[],
  ) {
    super(`${app}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Constructor<T> = new () => T;

/**
 * Builds a typed config from environment variables and fails fast, listing every problem at once.
 * Environment variable names are the property names of the config class.
 */
export function loadConfig<T extends object>(
  app: string,
  schema: Constructor<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  const defaults = new schema() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? defaults[key] : coerce(value, defaults[key]);
  }
  const config = plainToInstance(schema, raw);
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(app, errors.flatMap(describe));
  return Object.freeze(config);
}

/** Environment values are text; the default's type says what the setting is. */
function coerce(value: string, fallback: unknown): unknown {
  if (typeof fallback === 'number')
    return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof fallback === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(value)) return true;
    if (/^(false|0|no|off)$/i.test(value)) return false;
  }
  return value;
}

function describe(error: ValidationError): string[] {
  const own = Object.values(error.constraints ?? {}).map(
    (message) => `${error.property}=${JSON.stringify(error.value)}: ${message}`,
  );
  return [...own, ...(error.children ?? []).flatMap(describe)];
}
