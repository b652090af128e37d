// The ceiling: a bare node:http server that sends bytes already in memory, nothing else.
// Usage: node bare-server.ts PORT PATH=FILE [PATH=FILE …]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, ...routes] = process.argv.slice(2);
const bodies = new Map(
  routes.map((route) => {
    const [path, file] = route.split('=');
    return [path!, readFileSync(file!)] as const;
  }),
);
createServer((request, response) => {
  const body = bodies.get(request.url ?? '');
  if (!body) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': body.length });
  response.end(body);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
