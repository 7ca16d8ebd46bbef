/** One Socket.IO broadcast: `event` with `payload` to every socket in `to`, once each, minus `except`. */
export interface Emission {
  event: string;
  payload: Record<string, unknown>;
  to: string[];
  except: string[];
}

export function emission(
  event: string,
  payload: Record<string, unknown>,
  to: readonly string[],
  except: readonly string[] = [],
): Emission {
  return { event, payload, to: [...new Set(to)], except: [...except] };
}
