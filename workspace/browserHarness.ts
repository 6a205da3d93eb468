/**
 * Serves the built sidebars (build/*.html) on 127.0.0.1 with a `google.script.run` shim that forwards
 * each call over HTTP to the real built bundle running on an in-memory workspace, and drives them with
 * Debian's Chromium through playwright-core. Used by the browser tests and by `npm start` for screenshots.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { scriptRun } from './html';
import type { Bundle, Workspace } from './workspace';

const SHIM = `<script>
(function () {
  function illegal(v, path, seen) {
    seen = seen || [];
    if (v === null || v === undefined) return '';
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return '';
    if (t === 'function') return 'google.script.run cannot pass a function (at ' + path + ')';
    if (Object.prototype.toString.call(v) === '[object Date]') return 'google.script.run cannot pass a Date (at ' + path + ')';
    if (t !== 'object') return 'google.script.run cannot pass a ' + t + ' (at ' + path + ')';
    if (seen.indexOf(v) >= 0) return 'google.script.run cannot pass a circular reference (at ' + path + ')';
    var proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== null && proto !== Object.prototype) return 'google.script.run cannot pass this object (at ' + path + ')';
    var keys = Object.keys(v);
    for (var k = 0; k < keys.length; k++) {
      var m = illegal(v[keys[k]], path + '.' + keys[k], seen.concat([v]));
      if (m) return m;
    }
    return '';
  }
  function runner(ok, fail) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
        if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          // Google fails the request when an argument holds a Date, a function or another
          // non-plain object (even nested): JSON would quietly turn a Date into a string.
          var bad = illegal(args, 'argument');
          if (bad) { if (fail) setTimeout(function () { fail(new Error(bad)); }); return; }
          fetch('/run/' + String(name), { method: 'POST', body: JSON.stringify(args) })
            .then(function (r) { return r.json(); })
            .then(function (r) { if (r.ok) { if (ok) ok(r.value); } else if (fail) fail(new Error(r.error)); });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();
</script>`;

export interface Served {
  url: string;
  /** Every google.script.run call the page made, in order. */
  calls: string[];
  close(): Promise<void>;
}

export async function serve(ws: Workspace, bundle: Bundle, buildDir: string): Promise<Served> {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method === 'GET' && /^\/[A-Za-z]+\.html$/.test(url)) {
      const html = readFileSync(join(buildDir, url.slice(1)), 'utf8').replace('<head>', `<head>${SHIM}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const call = /^\/run\/([A-Za-z]+)$/.exec(url);
    if (req.method === 'POST' && call) {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        calls.push(call[1]);
        // As strict as google.script.run: an illegal value in the result (a Date, a function, …, even
        // nested) fails the call instead of being JSON-converted (see scriptRun in html.ts).
        // A sidebar's call runs with the spreadsheet's UI open.
        const reply = ws.ui.inContext('sidebar', () =>
          scriptRun(bundle, call[1], JSON.parse(body) as unknown[]),
        );
        ws.locks.endExecution();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
