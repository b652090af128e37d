// Who may read /metrics. The figures say how busy the site is and where it is slow, which is for
// the operators: with METRICS_TOKEN, whoever sends it as a Bearer token; without one, only a
// client on this machine talking to us directly. A reverse proxy on the same host connects from
// loopback for every visitor, so a request that passed through a proxy is never taken for local.
import { createHash, timingSafeEqual } from 'node:crypto';

/** What a request to /metrics shows of itself. */
export interface MetricsRequest {
  /** A request header's value, or undefined when absent. */
  header(name: string): string | undefined;
  /** The socket's peer address; undefined when unknown. */
  remoteAddress: string | undefined;
}

/** Allowed, or refused with the status and the reason to tell the client. */
export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; code: 'unauthorized' | 'forbidden'; detail: string; challenge?: string };

// Headers that proxies add (RFC 7239 Forwarded, the X-Forwarded-* family, nginx's X-Real-IP, Via).
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via'];

/** Decides whether `request` may read the metrics, given the configured token (if any). */
export function metricsAccess(request: MetricsRequest, token: string | undefined): MetricsAccess {
  if (token !== undefined) {
    const given = /^Bearer +(\S+) *$/i.exec(request.header('authorization') ?? '')?.[1];
    if (given === undefined) {
      return {
        allowed: false,
        status: 401,
        code: 'unauthorized',
        detail: '读取 /metrics 须带请求头 Authorization: Bearer <METRICS_TOKEN>。',
        challenge: 'Bearer realm="metrics"',
      };
    }
    if (!sameSecret(given, token)) {
      return {
        allowed: false,
        status: 401,
        code: 'unauthorized',
        detail: '令牌与 METRICS_TOKEN 不符。',
        challenge: 'Bearer realm="metrics", error="invalid_token"',
      };
    }
    return { allowed: true };
  }
  if (!isLoopback(request.remoteAddress) || PROXY_HEADERS.some((name) => request.header(name) !== undefined)) {
    return {
      allowed: false,
      status: 403,
      code: 'forbidden',
      detail: '未设置 METRICS_TOKEN 时,/metrics 只对本机直接发来的请求开放;经代理转发的请求(带 X-Forwarded-For、Forwarded 等请求头)一律拒绝。',
    };
  }
  return { allowed: true };
}

/** Whether `address` is this machine: 127.0.0.0/8, ::1, or 127.x written as an IPv4-mapped IPv6 address. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4);
}

// Compares digests, which have one length whatever was sent, so the time taken tells nothing about
// the token's length or its first differing character.
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
