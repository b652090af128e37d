// Policies for benchmarks: the seed's sentences recombined (bench/search-corpus.ts) into policy
// documents with a 文号, spread over eleven years of 发布日期, all in one channel.
import type { ConsoleUser } from '../src/accounts/account.ts';
import { COMMAND_LINE } from '../src/audit/audit.service.ts';
import type { Db } from '../src/db/database.ts';
import { POLICY_TOPICS } from '../src/policies/policy.ts';
import { savePolicy } from '../src/policies/policy.service.ts';
import { SEED_FILE } from '../test/helpers/seed.ts';
import { recombinedArticles } from './search-corpus.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'bench', roles: ['admin'], channels: [], mustChangePassword: false };

/** Writes `count` policies through the console's save path; the same count always gives the same policies. */
export async function fillPolicies(db: Db, count: number): Promise<void> {
  let n = 0;
  for (const article of recombinedArticles(SEED_FILE, count)) {
    n += 1;
    const year = 2015 + (n % 11);
    const publishedOn = `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    await savePolicy(db, ADMIN, COMMAND_LINE, undefined, {
      title: article.originalTitle.slice(0, 200),
      docNumber: `洪府发〔${year}〕${n}号`,
      issuer: '南昌市人民政府',
      level: '市',
      channel: 'nanchang',
      topic: POLICY_TOPICS[n % POLICY_TOPICS.length]!,
      writtenOn: publishedOn,
      publishedOn,
      effectiveOn: publishedOn,
      validUntil: null,
      body: article.body,
    });
  }
}
