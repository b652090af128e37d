// The English search page, `/en/search?q=&page=`.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { htmlDocument } from '../http/layout.tsx';
import { parsePageNumber } from '../http/request-params.ts';
import { searchEnglishArticles } from './english-search.service.ts';
import { isQueryProblem, MAX_QUERY_LENGTH, parseQuery, type QueryProblem } from './search-query.ts';
import { EnglishSearchPage } from './views/english-search-page.tsx';

// The query's problems in English (search-query.ts words them in Chinese for the Chinese page).
const PROBLEMS: Record<QueryProblem['code'], string> = {
  empty: 'Please enter the words to find.',
  too_long: `The search is too long: please use at most ${MAX_QUERY_LENGTH} characters.`,
  no_words: 'The search has no letters or digits to look for; please try other words.',
};

/** Routes: `/en/search`. */
export function englishSearchRoutes(ctx: RouteContext): Hono {
  return new Hono().get(
    '/en/search',
    ctx.cachedPage(['q', 'page'], async (c) => {
      const q = c.req.query('q') ?? '';
      const page = parsePageNumber(c.req.query('page'));
      const chrome = await ctx.chrome(c);
      const channelName = ctx.navChannel;
      const query = parseQuery(q, ctx.searchIndex.segmenter);
      if (isQueryProblem(query)) {
        // Opening the page without words is normal; anything else the reader must fix.
        const problem = query.code === 'empty' && q === '' ? undefined : PROBLEMS[query.code];
        return c.html(htmlDocument(<EnglishSearchPage chrome={chrome} q={q} problem={problem} channelName={channelName} />), problem ? 400 : 200);
      }
      const results = await searchEnglishArticles(ctx.db, ctx.searchIndex, query, page);
      return c.html(htmlDocument(<EnglishSearchPage chrome={chrome} q={q} results={results} channelName={channelName} />));
    }),
  );
}
