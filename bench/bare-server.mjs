// The limit of serving the overview: a bare Node HTTP server answering every request with the
// same bytes Headroom sends (read from the file named by argv[2]) and the same headers that matter
// (type, length, ETag). No routing, no authentication, no cache lookup: the wire and Node's HTTP
// stack alone. Run as its own process, like the server, so it does not share the load generator's
// event loop. Prints its port once listening.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.argv[2]);
const etag = process.argv[3] ?? '';
const server = http.createServer((req, res) => {
  // Drain the request body as a real server must before answering.
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, ...(etag ? { etag } : {}) });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => console.log(String(server.address().port)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
