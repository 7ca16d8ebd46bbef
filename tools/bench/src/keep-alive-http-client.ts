import http from 'node:http';
import https from 'node:https';

export interface HttpReply {
  status: number;
  body: string;
}

/** A bare `node:http` client on a keep-alive agent: one socket per concurrent client, reused. */
export class KeepAliveHttpClient {
  private readonly agent: http.Agent;
  private readonly transport: typeof http | typeof https;

  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string>,
    maxSockets: number,
    private readonly timeoutMs = 30_000,
  ) {
    const secure = new URL(baseUrl).protocol === 'https:';
    this.transport = secure ? https : http;
    this.agent = new (secure ? https.Agent : http.Agent)({ keepAlive: true, maxSockets });
  }

  postJson(path: string, payload: unknown): Promise<HttpReply> {
    return this.sendJson('POST', path, payload);
  }

  sendJson(method: 'POST' | 'PUT', path: string, payload: unknown): Promise<HttpReply> {
    const body = JSON.stringify(payload);
    return new Promise((resolve, reject) => {
      const request = this.transport.request(
        `${this.baseUrl}${path}`,
        {
          method,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: {
            ...this.headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer in ${this.timeoutMs} ms`)));
      request.on('error', reject);
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
