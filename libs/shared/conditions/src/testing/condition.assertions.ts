import assert from 'node:assert/strict';
import { ConditionSyntaxError } from '../condition-syntax-error.js';

/** `parse(source)` refuses the condition with a `ConditionSyntaxError` whose message matches. */
export function assertConditionRefused(
  parse: (source: string) => unknown,
  source: string,
  reason?: RegExp,
): void {
  assert.throws(
    () => parse(source),
    (error: unknown) => {
      assert.ok(error instanceof ConditionSyntaxError, `${source}: ${String(error)}`);
      if (reason) assert.match(error.message, reason);
      return true;
    },
    source,
  );
}
