/**
 * The RichApi host over HTTP, on 127.0.0.1: `POST <url>/ProcessQuery?flags=N`
 * as Microsoft's client sends it from a browser (its own fetch/XHR executor,
 * `new Excel.RequestContext(url)` or `ClientRequestContext.defaultRequestUrlAndHeaders`),
 * and `GET <url>/office-js/<file>` for the client files of the npm package.
 * For a page on another origin than the harness, or a person trying the
 * protocol with curl; tests use it through the real client's own HTTP path.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { clientDir } from './client';
import type { RichApiHost } from './host';

export interface HostServer {
  url: string;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, sdkversion, x-requestdigest, authorization',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

export function startHostServer(host: RichApiHost, port = 0): Promise<HostServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    if (req.method === 'POST' && url.pathname.endsWith('/ProcessQuery')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void host.processQuery(Buffer.concat(chunks).toString('utf8'), Number(url.searchParams.get('flags') ?? 0)).then((r) => {
          res.writeHead(r.status, { ...CORS, 'content-type': 'application/json; charset=utf-8' }).end(r.body);
        });
      });
      return;
    }
    const file = /^\/office-js\/([\w.-]+\.js)$/.exec(url.pathname)?.[1];
    if (req.method === 'GET' && file && fs.existsSync(path.join(clientDir(), file))) {
      res.writeHead(200, { ...CORS, 'content-type': 'text/javascript; charset=utf-8' });
      fs.createReadStream(path.join(clientDir(), file)).pipe(res);
      return;
    }
    res.writeHead(404, CORS).end();
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${address.port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
