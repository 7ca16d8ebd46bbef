import { Worker } from 'node:worker_threads';
import { TemplateFailure, type TemplateRenderer } from '@helpdesk/knowledge-application';
import type { RenderRequest, RenderResponse } from './template-worker.js';

export interface SandboxLimits {
  /** A render taking longer is stopped (the worker is replaced) and refused. */
  timeoutMs: number;
  /** Rendered text longer than this is refused. */
  maxOutputChars: number;
  /** The worker's heap; a template that allocates past it is refused. */
  maxHeapMb: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  timeoutMs: 1_000,
  maxOutputChars: 1_000_000,
  maxHeapMb: 64,
};

interface Pending {
  resolve(text: string): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Templates rendered off the service's event loop, in a worker with a small heap: a loop that
 * never ends or a template that allocates without bound costs one worker, which is replaced,
 * and the caller gets a refusal. Data goes in by structured clone, so nothing of the service's
 * (functions, prototypes, the process) is reachable from a template.
 */
export class SandboxedTemplates implements TemplateRenderer {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS) {}

  render(template: string, context: Record<string, unknown>): Promise<string> {
    const worker = this.current();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new TemplateFailure('Template took too long to render'));
      }, this.limits.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      const request: RenderRequest = { id, template, context: JSON.parse(JSON.stringify(context)) };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.fail(new TemplateFailure('The template renderer stopped'));
    await worker?.terminate();
  }

  private current(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./template-worker.js', import.meta.url), {
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.maxHeapMb,
        maxYoungGenerationSizeMb: 16,
      },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    worker.on('message', (response: RenderResponse) => this.settle(response));
    worker.on('error', (error) => {
      if (this.worker === worker)
        this.fail(new TemplateFailure(`Template could not be rendered: ${error.message}`));
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new TemplateFailure('Template could not be rendered'));
    });
    this.worker = worker;
    return worker;
  }

  private settle(response: RenderResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    clearTimeout(pending.timer);
    if (!response.ok) return pending.reject(new TemplateFailure(response.error));
    if (response.text.length > this.limits.maxOutputChars) {
      return pending.reject(new TemplateFailure('Rendered reply is too long'));
    }
    pending.resolve(response.text);
  }

  /** Everything in flight on the current worker fails with `error`; the worker is replaced. */
  private fail(error: TemplateFailure): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
    void worker?.terminate();
  }
}
