// The English policy library (issue #16): `/en/policies` and `/en/policies/:id`.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { parseId } from '../http/request-params.ts';
import { VALIDITIES, type PolicyValidity } from './policy.ts';
import { englishPolicyList, policyInEnglish } from './policy-english.service.ts';
import { EnglishPolicyListPage, EnglishPolicyPage } from './views/policy-english-pages.tsx';

/** Routes: `/en/policies?validity=`, `/en/policies/:id`. */
export function policyEnglishRoutes(ctx: RouteContext): Hono {
  const { db } = ctx;
  return new Hono()
    .get(
      '/en/policies',
      ctx.cachedPage(['validity'], async (c) => {
        const validity = (c.req.query('validity') ?? '').trim();
        if (validity && !(VALIDITIES as readonly string[]).includes(validity))
          throw new AppError(400, 'bad_request', 'Unknown validity: choose one from the list.');
        const list = await englishPolicyList(db, (validity || undefined) as PolicyValidity | undefined);
        return c.html(htmlDocument(<EnglishPolicyListPage chrome={await ctx.chrome(c)} validity={validity} list={list} channelName={ctx.navChannel} />));
      }),
    )
    .get(
      '/en/policies/:id',
      ctx.cachedPage([], async (c) => {
        const id = parseId(c.req.param('id') ?? '');
        const found = id === undefined ? undefined : await policyInEnglish(db, id);
        if (!found) throw notFound('There is no such policy.');
        return c.html(htmlDocument(<EnglishPolicyPage chrome={await ctx.chrome(c)} channel={ctx.navChannel(found.policy.channel)} {...found} />));
      }),
    );
}
