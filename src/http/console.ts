// What every feature's console routes share: the page frame, who acts (for the audit log), the
// client address, and the small readers of ids and required fields that console forms use.
import type { Context } from 'hono';
import type { Actor } from '../audit/audit.service.ts';
import type { RouteContext } from './app-deps.ts';
import type { ConsoleChrome } from './console-layout.tsx';
import type { ConsoleEnv } from './console-session.ts';
import { csrfToken } from './csrf.ts';
import { characterCount, type FormValues } from './form.ts';
import { htmlDocument } from './layout.tsx';
import { clientAddress } from './rate-limit.ts';
import { parseId } from './request-params.ts';

/** Handed to each feature's `*.admin.tsx` route table by the console's route table. */
export interface ConsoleKit {
  /** The frame of a console page for the signed-in user. */
  chrome(c: Context<ConsoleEnv>): Promise<ConsoleChrome>;
  /** The signed-in user as the audit log records them. */
  actor(c: Context<ConsoleEnv>): Actor;
  /** The requesting client's address (the proxy's word for it only when trusted). */
  client(c: Context): string;
  /** Sends a rendered console page. */
  page(c: Context, body: Parameters<typeof htmlDocument>[0], status?: 200 | 400 | 409 | 429): Response | Promise<Response>;
}

/** The kit for one application's routes. */
export function consoleKit(ctx: RouteContext): ConsoleKit {
  const client = (c: Context) => clientAddress(c, ctx.trustProxy);
  return {
    client,
    actor: (c) => ({ userId: c.get('user').id, userName: c.get('user').name, client: client(c) }),
    chrome: async (c) => ({ chrome: { ...(await ctx.chrome(c)), nav: [] }, user: c.get('user'), token: csrfToken(c), path: c.req.path }),
    page: (c, body, status = 200) => c.html(htmlDocument(body), status),
  };
}

/** The `:id` of a console URL; 0 (found nowhere) when it is not a valid id. */
export function idParam(c: Context): number {
  return parseId(c.req.param('id') ?? '') ?? 0;
}

/**
 * A required text field of a console form, trimmed, or what to fix (shown beside the field):
 * missing, or longer than `max` characters.
 */
export function requiredText(values: FormValues, name: string, label: string, max: number): { value: string } | { problem: string } {
  const value = (values[name] ?? '').trim();
  if (value === '') return { problem: `请填写${label}。` };
  if (characterCount(value) > max) return { problem: `${label}不能超过 ${max} 个字。` };
  return { value };
}
