#!/usr/bin/env node
// A loopback remote cache for the end-to-end suite, implementing Nx's published self-hosted cache
// OpenAPI specification (https://nx.dev/docs/kb/self-hosted-caching, Nx ≥ 20.8):
//   PUT /v1/cache/{hash}  body: the task's tar archive  → 200, 401 (no token), 403 (wrong token),
//                                                          409 (a record exists: never overridden)
//   GET /v1/cache/{hash}                               → 200 with the archive, 401, 403, 404
// Bearer authentication with the token given in READY_CACHE_TOKEN. Records live in a folder;
// every request is appended to <folder>/requests.jsonl ({method, hash, status}) for the spec to read.
// Usage: node remote-cache-server.mjs <port> <folder>
import { createServer } from 'node:http';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [portArg, folder] = process.argv.slice(2);
const token = process.env.READY_CACHE_TOKEN ?? '';
if (!portArg || !folder || !token) {
  console.error('usage: READY_CACHE_TOKEN=<token> node remote-cache-server.mjs <port> <folder>');
  process.exit(2);
}
const records = join(folder, 'records');
mkdirSync(records, { recursive: true });
const log = join(folder, 'requests.jsonl');

const server = createServer((req, res) => {
  const match = /^\/v1\/cache\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '');
  const answer = (status, body) => {
    if (match) appendFileSync(log, JSON.stringify({ method: req.method, hash: match[1], status }) + '\n');
    res.writeHead(status, { 'Content-Type': body instanceof Buffer ? 'application/octet-stream' : 'text/plain' });
    res.end(body ?? '');
  };
  if (req.url === '/health') return answer(200, 'ok');
  if (!match) return answer(404, 'not found');
  const auth = req.headers.authorization ?? '';
  if (!auth.startsWith('Bearer ')) return answer(401, 'missing authentication token');
  if (auth.slice('Bearer '.length) !== token) return answer(403, 'access forbidden');
  const file = join(records, match[1]);
  if (req.method === 'GET') {
    return existsSync(file) ? answer(200, readFileSync(file)) : answer(404, 'the record was not found');
  }
  if (req.method === 'PUT') {
    if (existsSync(file)) {
      req.resume();
      return answer(409, 'cannot override an existing record');
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const length = Number(req.headers['content-length']);
      if (Number.isFinite(length) && length !== body.length) return answer(400, 'Content-Length does not match the body');
      writeFileSync(`${file}.part`, body);
      renameSync(`${file}.part`, file);
      answer(200, 'ok');
    });
    return;
  }
  answer(405, 'method not allowed');
});
server.listen(Number(portArg), '127.0.0.1', () => console.log(`remote cache on http://127.0.0.1:${portArg}, records in ${records}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
