// Filling in a site form as a browser would: load the page for its CSRF cookie and token, post.
import type { Hono } from 'hono';

/** A browser session on one form page. */
export async function openForm(app: Hono, path: string, client = '198.51.100.7') {
  const page = await app.request(path, { headers: { 'X-Forwarded-For': client } });
  const html = await page.text();
  const token = /name="_csrf" value="([0-9a-f]{32})"/.exec(html)?.[1];
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
  if (!token || !cookie) throw new Error(`${path} has no CSRF token`);
  return {
    html,
    /** Posts the fields (plus the token) to `action`. */
    post(fields: Record<string, string>, action = path, headers: Record<string, string> = {}) {
      return app.request(action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, 'X-Forwarded-For': client, ...headers },
        body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      });
    },
  };
}
