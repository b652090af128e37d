// Requests to a server process as a browser or a slow client sends them, and the contribution
// form (投稿) posted over real sockets.
import { request, type Agent } from 'node:http';

/** A finished exchange; `begunAt` is when the server sent 100 Continue, if it was asked to. */
export interface Exchange {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  begunAt: number | undefined;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** The body, sent in these pieces… */
  body?: string[];
  /** …this many ms apart. */
  pieceDelayMs?: number;
  /** Sends `Expect: 100-continue`, so the server says when it has begun the request… */
  expectContinue?: boolean;
  /** …and this is called then. */
  onBegun?: (at: number) => void;
  /** Defaults to a new connection per request. */
  agent?: Agent | false;
}

/**
 * One request to 127.0.0.1:`port`. Resolves once the whole response has arrived; rejects with the
 * socket's error (ECONNREFUSED, ECONNRESET, or "socket hang up" as ECONNRESET) otherwise.
 */
export function httpRequest(port: number, path: string, options: RequestOptions = {}): Promise<Exchange> {
  const pieces = options.body ?? [];
  const length = pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece), 0);
  return new Promise((resolve, reject) => {
    let begunAt: number | undefined;
    const headers: Record<string, string> = { ...options.headers };
    if (pieces.length > 0) headers['Content-Length'] = String(length);
    if (options.expectContinue) headers.Expect = '100-continue';
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers, agent: options.agent ?? false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      // A connection that closes before the body is complete.
      response.on('close', () => {
        if (!response.complete) reject(Object.assign(new Error('response cut off'), { code: 'ECONNRESET' }));
      });
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(chunks).toString('utf8'), begunAt }));
    });
    // reusedSocket: the request went out on a kept-alive connection, which the server may have
    // closed just as it was sent (HTTP/1.1 gives no way to avoid that).
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    const send = async () => {
      for (const [i, piece] of pieces.entries()) {
        if (i > 0 && options.pieceDelayMs) await new Promise((wait) => setTimeout(wait, options.pieceDelayMs));
        if (req.destroyed) return;
        req.write(piece);
      }
      req.end();
    };
    if (options.expectContinue) {
      req.on('continue', () => {
        begunAt = Date.now();
        options.onBegun?.(begunAt);
        void send();
      });
      req.flushHeaders();
    } else {
      void send();
    }
  });
}

/** The form's CSRF cookie and token, as a browser gets them by opening /submit. */
export async function openSubmitForm(port: number): Promise<{ cookie: string; token: string }> {
  const page = await httpRequest(port, '/submit');
  const token = /name="_csrf" value="([0-9a-f]{32})"/.exec(page.text)?.[1];
  const setCookie = page.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0];
  if (!token || !cookie) throw new Error('/submit has no CSRF token');
  return { cookie, token };
}

/** A contribution whose title and body carry `marker`, as the form posts it. */
export function contributionRequest(port: number, form: { cookie: string; token: string }, marker: string, client: string): RequestOptions {
  const body = new URLSearchParams({
    _csrf: form.token,
    website: '',
    title: `投稿 ${marker}`,
    body: `这是一篇用于测试的投稿,标记 ${marker},内容足够长。`,
    channel: 'nanchang',
    name: '测试者',
    contact: '13800138000',
    consent: 'yes',
  }).toString();
  return {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: form.cookie,
      Origin: `http://127.0.0.1:${port}`,
      // The server trusts the proxy's header here, so each post counts as its own client.
      'X-Forwarded-For': client,
    },
    body: [body],
  };
}

/** The tracking code a 303 acknowledgement carries, or undefined when the post was not stored. */
export function acknowledgedCode(exchange: Exchange): string | undefined {
  const location = exchange.headers.location;
  if (exchange.status !== 303 || typeof location !== 'string') return undefined;
  return /[?&]code=(TG-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(location)?.[1];
}

/** A distinct client address for post number `n`. */
export function clientAddressFor(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
