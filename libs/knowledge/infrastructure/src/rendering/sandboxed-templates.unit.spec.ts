import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TemplateFailure } from '@helpdesk/knowledge-application';
import { SandboxedTemplates } from './sandboxed-templates.js';

const templates = new SandboxedTemplates({
  timeoutMs: 1_000,
  maxOutputChars: 10_000,
  maxHeapMb: 32,
});
after(() => templates.close());

const TICKET = { name: 42, subject: '<b>Refund</b> please', raised_by: 'ann@example.com' };
const USER = { name: 'agent@example.com', first_name: 'Ada', full_name: 'Ada Agent' };

/** Renders, answering the text or the refusal's message. */
async function outcome(template: string, context: Record<string, unknown> = TICKET) {
  try {
    return { text: await templates.render(template, context) };
  } catch (error) {
    assert.ok(error instanceof TemplateFailure, `not a TemplateFailure: ${String(error)}`);
    return { refused: error.message };
  }
}

describe('saved-reply templates in the sandbox', () => {
  it('renders Jinja-style templates over one flat context, escaping values', async () => {
    // The method merges ticket then user, so the user's `name` wins a clash (frappe-api §2.11).
    const text = await templates.render(
      'Hi {{ raised_by }}, {{ first_name }} ({{ name }}) here: {{ subject }}{% if subject | length > 10 %}!{% endif %} {{ full_name | upper }}',
      { ...TICKET, ...USER },
    );
    assert.equal(
      text,
      'Hi ann@example.com, Ada (agent@example.com) here: &lt;b&gt;Refund&lt;/b&gt; please! ADA AGENT',
    );
  });

  it('refuses a broken template with the engine message, not a crash', async () => {
    const result = await outcome('Hello {{ name ');
    assert.ok(result.refused?.includes('expected variable end'), JSON.stringify(result));
  });

  it('reaches no constructor, prototype, function or global of the process', async () => {
    const attempts = [
      `{{ range.constructor("return process")().pid }}`,
      `{{ "".constructor.constructor("return process")().exit() }}`,
      `{{ subject.constructor.constructor("return globalThis")() }}`,
      `{{ constructor.constructor("return process")() }}`,
      `{% set f = subject["constr" ~ "uctor"] %}{{ f("x") }}`,
      `{{ subject.__proto__.toString }}{{ name.__proto__ }}{{ constructor }}{{ prototype }}`,
      `{{ subject.toUpperCase() }}`,
      `{{ process }}{{ require }}{{ globalThis }}{{ global }}{{ this }}`,
      `{{ cycler("a").next() }}{{ joiner() }}`,
      `{{ subject | constructor }}`,
      `{% set x = {} %}{{ x.__proto__.polluted }}{% set y = x["__proto__"] %}{{ y }}`,
    ];
    for (const template of attempts) {
      const result = await outcome(template);
      if ('text' in result) {
        assert.doesNotMatch(result.text ?? '', /function|\[object|native code|\d{3,}/i, template);
      }
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('reads no file: include, extends and import find nothing', async () => {
    for (const template of [
      `{% include "/etc/passwd" %}`,
      `{% extends "../../package.json" %}`,
      `{% import "/etc/hostname" as h %}`,
    ]) {
      const result = await outcome(template);
      assert.ok('refused' in result, `${template} rendered ${JSON.stringify(result)}`);
      assert.doesNotMatch(result.refused ?? '', /root:|"name"/);
    }
  });

  it('stops a template that never finishes, then renders the next one', async () => {
    const result = await outcome(
      '{% for i in range(10000) %}{% for j in range(10000) %}{% for k in range(10000) %}{% endfor %}{% endfor %}{% endfor %}',
    );
    assert.deepEqual(result, { refused: 'Template took too long to render' });
    assert.equal(await templates.render('still {{ subject | length }}', TICKET), 'still 20');
  });

  it('refuses huge ranges and huge output', async () => {
    assert.ok('refused' in (await outcome('{% for i in range(100000000) %}x{% endfor %}')));
    assert.deepEqual(await outcome('{% for i in range(9000) %}0123456789{% endfor %}'), {
      refused: 'Rendered reply is too long',
    });
  });
});
