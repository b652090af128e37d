// The published answers' feed (/qa/rss.xml, /qa/atom.xml): newest answered first, each entry the
// question and its answer with the answering office, never the asker.
import type { SiteIdentity } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Feed, FeedEntry } from '../feeds/feed.ts';
import { chinaDate } from '../lib/china-time.ts';
import type { PublishedQuestion } from './question.ts';
import { publishedQuestions } from './question.service.ts';

/** One published question as a feed entry, categorised by its answering office. */
function questionFeedEntry(item: PublishedQuestion, officeName: (slug: string) => string): FeedEntry {
  const office = officeName(item.answeredBy);
  const content = (
    <div>
      <p>
        受理日期:{chinaDate(item.acceptedAt)};答复日期:{chinaDate(item.answeredAt)};答复单位:{office}
      </p>
      <h2>问题</h2>
      <p>{item.body}</p>
      <h2>答复</h2>
      <p>{item.answer}</p>
    </div>
  );
  return {
    path: `/qa/${item.id}`,
    title: item.title,
    published: item.answeredAt,
    updated: item.answeredAt,
    category: { term: item.answeredBy, label: office, path: `/qa?channel=${item.answeredBy}` },
    summary: item.answer.slice(0, 200),
    contentHtml: content.toString(),
  };
}

/** The feed of the newest published answers (the first page of /qa). */
export function publishedAnswerFeed(deps: { db: Db; site: SiteIdentity; officeName: (slug: string) => string }) {
  return async (): Promise<Feed> => ({
    title: `公开问答 - ${deps.site.siteName}`,
    description: '企业和群众向南昌市各招商部门的提问及答复',
    path: '/qa',
    language: 'zh-CN',
    entries: (await publishedQuestions(deps.db, {}, 1)).items.map((item) => questionFeedEntry(item, deps.officeName)),
  });
}
