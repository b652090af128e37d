// The mixed load of `npm run bench:load`: what readers and contributors of the portal ask for,
// in fixed shares, drawn from a seeded random source so every run asks the same.
import { randomSource } from '../test/helpers/random.ts';

/** One request of the load. */
export interface Target {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const WORDS = [
  '发展',
  '建设',
  '企业',
  '项目',
  '经济',
  '招商引资',
  '创新',
  '服务',
  '产业',
  '融资',
  '孵化',
  '园区',
  '投资',
  '签约',
  '税',
  '工会',
  '电子商务',
  '高新区',
  '中小企业',
  '智能',
];
const JUNK = ['utm_source=wechat', 'utm_medium=share&utm_campaign=2026', 'from=timeline', 'fbclid=IwAR0x', 'spm=a2c4e'];

/** What a request is, for shares of the load: a page view, a search, or a contribution posted. */
export type RequestCategory = 'page' | 'search' | 'contribution';

/**
 * The mixed load: weighted kinds of request, drawn from a seeded random source. With `shares`
 * (percentages by category), the kinds of each category keep their weights among themselves and
 * together make up the category's share.
 */
export function requestMix(
  articles: number,
  channelPages: Array<[slug: string, pages: number]>,
  form: { cookie: string; token: string; origin: string },
  shares?: Record<RequestCategory, number>,
) {
  const random = randomSource(20260101);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;
  // Browsers ask for compressed pages; /data alone is 2 MB uncompressed at 2,000 articles.
  const get = (path: string): Target => ({ method: 'GET', path, headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  // Readers mostly open a hundred popular articles; a fifth of them browse the whole archive.
  const article = () => (random() < 0.8 ? articles - below(Math.min(articles, 100)) : 1 + below(articles));
  let posts = 0;
  const defined: Array<[weight: number, name: string, next: () => Target, category: RequestCategory]> = [
    [25, 'home and its pages', () => get(random() < 0.7 ? '/' : `/?page=${1 + below(5)}`), 'page'],
    [5, 'pages with tracking parameters', () => get(`${pick(['/', '/channels', `/articles/${article()}`])}?${pick(JUNK)}`), 'page'],
    [
      15,
      'channel pages',
      () => {
        const [slug, pages] = pick(channelPages);
        return get(random() < 0.7 ? `/channels/${slug}` : `/channels/${slug}?page=${1 + below(pages)}`);
      },
      'page',
    ],
    [27, 'article pages', () => get(`/articles/${article()}`), 'page'],
    [
      20,
      'searches',
      () => {
        // One word is often asked again; two words are mostly new, so they miss the page cache.
        const q = random() < 0.6 ? pick(WORDS) : `${pick(WORDS)} ${pick(WORDS)}`;
        return get(`/search?q=${encodeURIComponent(q)}${random() < 0.2 ? '&page=2' : ''}`);
      },
      'search',
    ],
    [5, 'directory and data pages', () => get(pick(['/channels', '/data', '/projects', '/enterprises'])), 'page'],
    [
      3,
      'contributions posted',
      () => {
        posts += 1;
        const fields = {
          _csrf: form.token,
          title: `压力测试投稿第${posts}篇`,
          body: '红谷滩区本周签约三个数字经济项目,总投资约12亿元,预计明年投产。',
          channel: 'honggutan',
          name: '张三',
          contact: '13800138000',
          consent: 'yes',
        };
        return {
          method: 'POST',
          path: '/submit',
          // Each post from its own client address (TRUST_PROXY=true), so the per-client rate limit
          // of the form does not answer 429 to a crowd that the proxy shows as distinct people.
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Cookie: form.cookie,
            Origin: form.origin,
            'X-Forwarded-For': `10.${(posts >> 16) & 255}.${(posts >> 8) & 255}.${posts & 255}`,
          },
          body: new URLSearchParams(fields).toString(),
        };
      },
      'contribution',
    ],
  ];
  const categoryWeight = (category: RequestCategory) => defined.filter((kind) => kind[3] === category).reduce((sum, [weight]) => sum + weight, 0);
  const kinds = defined.map(
    ([weight, name, next, category]) => [shares ? (weight / categoryWeight(category)) * shares[category] : weight, name, next] as const,
  );
  const total = kinds.reduce((sum, [weight]) => sum + weight, 0);
  return {
    kinds: kinds.map(([weight, name]) => `${name} ${Number(weight.toFixed(1))}%`).join(', '),
    next(): Target {
      let roll = random() * total;
      for (const [weight, , next] of kinds) if ((roll -= weight) < 0) return next();
      return kinds[0]![2]();
    },
  };
}
