// The runtime's limit: a bare node:http server answering each benchmarked URL with exactly the bytes
// the API answered it with. Started as its own process, like the API.
//   node bench/bare-server.mjs <answers.json> [headers]   prints "listening <port>" when ready
// With `headers` it also sends the API's headers (helmet's set, API-Version, a request id and the
// RateLimit pair of the same lengths, Content-Type): the same bytes on the wire. Without, only
// Content-Type and Content-Length: the body alone.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const { contentType, answers, headers } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const withHeaders = process.argv[3] === 'headers';
const bodies = new Map(Object.entries(answers).map(([url, body]) => [url, Buffer.from(body)]));

const server = createServer((request, response) => {
  const body = bodies.get(request.url);
  if (!body) {
    response.writeHead(404).end();
    return;
  }
  if (withHeaders) response.writeHead(200, [...headers, 'x-request-id', randomUUID(), 'content-length', String(body.length)]);
  else response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
