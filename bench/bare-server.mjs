// The runtime's limit: a bare node:http server answering each benchmarked URL with exactly the bytes
// (and Content-Type) the API answered it with. Started as its own process, like the API.
//   node bench/bare-server.mjs <answers.json>   prints "listening <port>" when ready
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const { contentType, answers } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const bodies = new Map(Object.entries(answers).map(([url, body]) => [url, Buffer.from(body)]));

const server = createServer((request, response) => {
  const body = bodies.get(request.url);
  if (!body) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
