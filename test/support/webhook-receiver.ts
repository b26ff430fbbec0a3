import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What the receiver does with a request: accept it ('ok'), answer a status, cut the connection, or never answer. */
export type Answer = 'ok' | 'reset' | 'hang' | number;

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body as a CloudEvent (empty fields when it is not JSON). */
  event: Record<string, unknown> & { id: string; type: string; subject: string; data: Record<string, unknown> };
  answer: Answer;
  /** performance.now() when the request had arrived whole. */
  at: number;
}

/**
 * A webhook receiver on loopback, the one every test uses: records every request and answers as told,
 * by path (`failing`) or in turn (`answers`), else accepts with `okStatus` (200 unless the test needs
 * to see another 2xx in a delivery log).
 */
export class WebhookReceiver {
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();
  port = 0;
  readonly requests: Received[] = [];
  readonly answers: Answer[] = [];
  /** Paths that answer with this status whatever is queued. */
  readonly failing = new Map<string, number>();

  constructor(private readonly okStatus = 200) {}

  /** Listens on `port` (a free one unless told: a test restarting the receiver passes its old port). */
  async start(port = 0): Promise<this> {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const answer = this.failing.get(request.url ?? '') ?? this.answers.shift() ?? 'ok';
        let event: Received['event'];
        try {
          event = JSON.parse(body);
        } catch {
          event = { id: '', type: '', subject: '', data: {} };
        }
        this.requests.push({ path: request.url ?? '', headers: request.headers, body, event, answer, at: performance.now() });
        if (answer === 'reset') request.socket.destroy();
        else if (answer === 'hang') return;
        else response.writeHead(answer === 'ok' ? this.okStatus : answer).end();
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Stops listening and cuts open connections (a hanging request included). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url(path = '/'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The events a path accepted, in the order they came in. */
  delivered(path: string, subject?: string): Received[] {
    return this.requests.filter((r) => r.path === path && r.answer === 'ok' && (subject === undefined || r.event.subject === subject));
  }
}
