// Routes for operators and their tools: liveness, readiness and the Prometheus metrics.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { NO_STORE } from '../http/no-store.ts';
import { summedOverWorkers } from './cluster-metrics.ts';
import { metricsAccess } from './metrics-access.ts';
import { checkReadiness } from './readiness.service.ts';

/** Routes: `/healthz`, `/readyz`, `/metrics`. */
export function opsRoutes(ctx: RouteContext): Hono {
  const { db, dialect, metrics, metricsToken, logger } = ctx;
  return (
    new Hono()
      // The process is up and its event loop turns; says nothing of the database (see /readyz).
      .get('/healthz', (c) => c.json({ status: 'pass' }, 200, NO_STORE))
      .get('/readyz', async (c) => {
        const { readiness, problem } = await checkReadiness(db, dialect);
        if (problem) logger.warn({ err: problem.error, check: problem.check }, 'not ready');
        return c.json(readiness, readiness.status === 'pass' ? 200 : 503, NO_STORE);
      })
      .get('/metrics', async (c) => {
        const access = metricsAccess({ header: (name) => c.req.header(name), remoteAddress: remoteAddressOf(c) }, metricsToken);
        if (!access.allowed) {
          const headers: Record<string, string> = { ...NO_STORE, 'Content-Type': 'application/problem+json; charset=utf-8' };
          if (access.challenge) headers['WWW-Authenticate'] = access.challenge;
          return c.json(
            { type: 'about:blank', title: access.status === 401 ? '需要令牌' : '拒绝访问', status: access.status, detail: access.detail, code: access.code },
            access.status,
            headers,
          );
        }
        let perProcess: string;
        try {
          perProcess = await summedOverWorkers(metrics.registry);
        } catch (error) {
          logger.error({ err: error }, 'summing the workers’ metrics failed');
          return c.text('Metrics unavailable: the workers’ figures could not be summed; see the log.\n', 503, NO_STORE);
        }
        const database = await metrics.databaseRegistry.metrics();
        return c.text(`${perProcess}\n${database}`, 200, { ...NO_STORE, 'Content-Type': metrics.registry.contentType });
      })
  );
}

/** The socket peer of a request served by node:http (none in `app.request()` tests). */
function remoteAddressOf(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}
