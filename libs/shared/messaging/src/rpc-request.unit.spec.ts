import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { IsString } from 'class-validator';
import { parseBody } from './rpc-request.js';

class SubjectDto {
  @IsString()
  subject!: string;
}

async function refusal(body: unknown): Promise<FrappeError> {
  try {
    await parseBody(SubjectDto, body, 'HD Ticket');
  } catch (error) {
    assert.ok(error instanceof FrappeError, String(error));
    return error;
  }
  assert.fail('the body was accepted');
}

describe('parseBody with hostile bodies', () => {
  it('refuses a constructor key instead of crashing class-transformer', async () => {
    for (const text of [
      '{"subject":{"constructor":"x"}}',
      '{"x":{"constructor":{"prototype":1}}}',
    ]) {
      const error = await refusal(JSON.parse(text));
      assert.equal(error.excType, 'ValidationError');
      assert.match(error.message, /constructor/);
    }
  });

  it('refuses deep nesting instead of overflowing the stack', async () => {
    const error = await refusal({
      subject: JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`),
    });
    assert.equal(error.excType, 'ValidationError');
    assert.match(error.message, /nested too deeply/);
  });

  it('still validates ordinary bodies', async () => {
    assert.deepEqual(
      { ...(await parseBody(SubjectDto, { subject: 'Hi' }, 'HD Ticket')) },
      {
        subject: 'Hi',
      },
    );
  });
});
