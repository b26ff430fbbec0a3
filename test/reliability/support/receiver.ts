import { createServer, IncomingHttpHeaders, Server } from 'node:http';

/** What the receiver does with the next request: a status code, or cut the connection. */
export type Answer = number | 'reset';

/** A webhook receiver that keeps what it got and answers 200, or what `answers` says first. */
export class RecordingReceiver {
  readonly requests: { headers: IncomingHttpHeaders; body: string; answer: Answer }[] = [];
  readonly answers: Answer[] = [];
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const answer = this.answers.shift() ?? 200;
        this.requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answer });
        if (answer === 'reset') request.socket.destroy();
        else response.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  url(path = '/'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
