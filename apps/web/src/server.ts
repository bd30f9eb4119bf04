/** The local web app: the page, its script, and the API, served by hono on Node. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type ApiOptions, createApi } from './api.ts';
import { bundleClient } from './bundle.ts';
import { appPage } from './page.ts';
import { hostAllowed, isLoopbackHost, newToken } from './security.ts';

/** Options for the whole app. */
export interface AppOptions extends Omit<ApiOptions, 'token'> {
  token?: string;
  lang?: string;
}

/** Builds the app (page + script + API); `app.request()` serves it in-process for tests. */
export async function createApp(options: AppOptions): Promise<{ app: Hono; token: string }> {
  const token = options.token ?? newToken();
  const script = await bundleClient();
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (!hostAllowed(c.req.header('host'), options.allowedHosts ?? [])) return c.text('host not allowed', 403);
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    // Older browsers ignore CSP's frame-ancestors: no page of this app may be framed by another site.
    c.header('x-frame-options', 'DENY');
  });
  app.get('/', (c) => {
    c.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src 'self'; connect-src 'self'; frame-ancestors 'none'",
    );
    return c.html(appPage(token, options.lang ?? 'en'));
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/app.js', (c) => c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.route('/api', createApi({ ...options, token }));
  return { app, token };
}

/** Starts listening; resolves with the URL. Warns when bound beyond loopback. */
export async function startServer(
  options: AppOptions & { port: number; host: string },
): Promise<{ url: string; close: () => Promise<void> }> {
  const { app } = await createApp(options);
  if (!isLoopbackHost(options.host)) {
    process.stderr.write(
      `warning: listening on ${options.host}, not loopback: anyone who can reach this machine and learns the address can use the app\n`,
    );
  }
  return new Promise((resolvePromise) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      // Idle keep-alive sockets outlive the client's pool timeout, so a reused socket is never closed mid-request.
      const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
      http.keepAliveTimeout = 30_000;
      http.headersTimeout = 31_000;
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolvePromise({
        url: `http://${host}:${info.port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
