// The console routes of an English version, shared by the features that have one (articles,
// policies): each passes how to find and save its own, scoped to the user's channels.
import { Hono, type Context } from 'hono';
import type { ConsoleUser } from '../accounts/account.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { ConsoleKit } from '../http/console.ts';
import type { ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import { formValues, validateForm } from '../http/form.ts';
import { parseId } from '../http/request-params.ts';
import { englishVersionSchema, type EnglishVersion, type EnglishVersionInput } from './english-version.ts';
import { EnglishVersionEditorPage, englishVersionForm } from './views/english-version-editor.tsx';

/** How one feature finds and saves its English versions. */
export interface EnglishVersionOwner {
  /** 文章 or 政策文件. */
  noun: string;
  /** `/admin/articles`: the editor lives at `<consoleBase>/:id/english`. */
  consoleBase: string;
  /** `/en/articles`. */
  publicBase: string;
  find(user: ConsoleUser, id: number): Promise<{ title: string; english: EnglishVersion | undefined } | 'not_found'>;
  save(user: ConsoleUser, actor: Actor, id: number, input: EnglishVersionInput): Promise<'saved' | 'removed' | 'not_found'>;
}

const NOT_FOUND = '没有这一项,或它不在您负责的频道。';

/** Routes `/:id/english` (GET, POST) for the owner's console route table. */
export function englishVersionAdminRoutes(kit: ConsoleKit, owner: EnglishVersionOwner): Hono<ConsoleEnv> {
  const page = async (
    c: Context<ConsoleEnv>,
    id: number,
    found: { title: string; english: EnglishVersion | undefined },
    state = englishVersionForm(found.english),
    status: 200 | 400 = 200,
  ) => {
    const saved = c.req.query('saved');
    return kit.page(
      c,
      <EnglishVersionEditorPage
        console={await kit.chrome(c)}
        noun={owner.noun}
        chineseTitle={found.title}
        backHref={`${owner.consoleBase}/${id}`}
        englishHref={`${owner.publicBase}/${id}`}
        action={`${owner.consoleBase}/${id}/english`}
        state={state}
        saved={saved === 'saved' || saved === 'removed' ? saved : undefined}
        exists={found.english !== undefined}
      />,
      status,
    );
  };
  const find = async (c: Context<ConsoleEnv>) => {
    const id = parseId(c.req.param('id') ?? '') ?? 0;
    const found = await owner.find(c.get('user'), id);
    if (found === 'not_found') throw notFound(NOT_FOUND);
    return { id, found };
  };
  return new Hono<ConsoleEnv>()
    .get('/:id/english', async (c) => {
      const { id, found } = await find(c);
      return page(c, id, found);
    })
    .post('/:id/english', async (c) => {
      const { id, found } = await find(c);
      const values = await formValues(c);
      const result = validateForm(englishVersionSchema, values);
      if (!result.ok) return page(c, id, found, { values, errors: result.errors }, 400);
      const outcome = await owner.save(c.get('user'), kit.actor(c), id, result.data);
      if (outcome === 'not_found') throw notFound(NOT_FOUND);
      return c.redirect(`${owner.consoleBase}/${id}/english?saved=${outcome}`, 303);
    });
}
