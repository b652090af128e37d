// A browser-like client for the console: keeps its cookies, signs in, and posts forms with the
// CSRF token the pages carry.
import type { Hono } from 'hono';

/** A client with a cookie jar. */
export function consoleClient(app: Hono, address = '192.0.2.1') {
  const jar = new Map<string, string>();
  let token = '';
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      if (/Max-Age=0/i.test(cookie) || value === '') jar.delete(name!);
      else jar.set(name!, value!);
    }
  };
  const headers = () => ({ Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '), 'X-Forwarded-For': address });
  const client = {
    jar,
    async get(path: string) {
      const response = await app.request(path, { headers: headers() });
      remember(response);
      const html = await response.clone().text();
      token = /name="_csrf" value="([0-9a-f]{32})"/.exec(html)?.[1] ?? token;
      return response;
    },
    async post(path: string, fields: Record<string, string | string[]> = {}, withToken = true) {
      const body = new URLSearchParams();
      if (withToken) body.append('_csrf', token);
      for (const [name, value] of Object.entries(fields)) for (const item of ([] as string[]).concat(value)) body.append(name, item);
      const response = await app.request(path, {
        method: 'POST',
        headers: { ...headers(), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
      remember(response);
      return response;
    },
    /** Posts a file as a multipart form (the attachment forms), with the page's CSRF token unless told not to. */
    async upload(path: string, file: { name: string; bytes: Uint8Array; type?: string }, withToken = true) {
      const body = new FormData();
      if (withToken) body.append('_csrf', token);
      body.append('file', new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? 'application/octet-stream' }));
      const response = await app.request(path, { method: 'POST', headers: headers(), body });
      remember(response);
      return response;
    },
    /** Posts an irreversible action already confirmed, as the confirmation page's button does. */
    confirm(path: string, fields: Record<string, string | string[]> = {}) {
      return client.post(path, { ...fields, confirmed: '1' });
    },
    /** Posts the form of a confirmation page back as it stands (its hidden fields), as its button does. */
    async confirmFrom(page: Response) {
      const html = await page.text();
      const form = /<form[^>]*action="([^"]+)"[^>]*>((?:(?!<\/form>)[^])*<input type="hidden" name="confirmed" value="1"\/>(?:(?!<\/form>)[^])*)<\/form>/.exec(
        html,
      );
      if (!form) throw new Error('not a confirmation page');
      const fields: Record<string, string> = {};
      for (const [, name, value] of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) fields[name!] = unescapeHtml(value!);
      token = fields._csrf ?? token;
      delete fields._csrf;
      return client.post(unescapeHtml(form[1]!), fields);
    },
    /** Signs in; resolves to the response of the sign-in post. */
    async signIn(name: string, password: string) {
      await client.get('/admin/login');
      return client.post('/admin/login', { name, password });
    },
  };
  return client;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** Text of an HTML attribute as the page escaped it. */
function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}
