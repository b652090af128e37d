// The article row exactly as the database stores it, and how backups copy the article tables.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';
import { ENGLISH_VERSION_BACKUP_COLUMNS, type EnglishVersionColumns } from '../i18n/english-version.ts';

export interface ArticleTable {
  id: Generated<number>;
  /**
   * Identity: for imports a hash of the original title and the date (importing again matches it);
   * `console:<uuid>` and `submission:<id>` for articles written through the console or a form.
   */
  source_key: string;
  /** The title as written, channel tag included (e.g. 【东湖区招商】…). */
  original_title: string;
  /** The title shown to readers, without the channel tag. */
  title: string;
  channel: string;
  body: string;
  /** Plain-text summary computed when the article is written, shown in lists. */
  excerpt: string;
  /** Publication date, YYYY-MM-DD (China Standard Time). */
  published_on: string;
  created_at: string;
  updated_at: string;
  /** Only published articles are public; scheduled ones publish themselves at publish_at. */
  status: Generated<ArticleStatus>;
  publish_at: string | null;
  /** `text`: imported plain text laid out by body-layout.ts; `markdown`: written in the console. */
  body_format: Generated<'text' | 'markdown'>;
}

export type ArticleStatus = 'draft' | 'scheduled' | 'published';

export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  title: string;
  channel: string;
  body: string;
  published_on: string;
  status: ArticleStatus;
  publish_at: string | null;
  edited_by: string;
  edited_at: string;
  /** Set on a draft restored from an older revision (its id): the editor offers it until the next save. */
  restored_from: number | null;
}

/** The article tables as backups copy them, articles before their revisions. */
export const articleBackups = [
  backupTable<ArticleTable>(
    'article',
    {
      id: 'integer',
      source_key: 'text',
      original_title: 'text',
      title: 'text',
      channel: 'text',
      body: 'text',
      excerpt: 'text',
      published_on: 'text',
      created_at: 'text',
      updated_at: 'text',
      status: 'text',
      publish_at: 'text',
      body_format: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<ArticleRevisionTable>(
    'article_revision',
    {
      id: 'integer',
      article_id: 'integer',
      title: 'text',
      channel: 'text',
      body: 'text',
      published_on: 'text',
      status: 'text',
      publish_at: 'text',
      edited_by: 'text',
      edited_at: 'text',
      restored_from: 'integer',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
];

/** An article's English version (issue #16): at most one, written by editors. */
export interface ArticleEnglishTable extends EnglishVersionColumns {
  article_id: number;
}

/** The English versions as backups copy them, after the articles. */
export const articleEnglishBackup = backupTable<ArticleEnglishTable>(
  'article_english',
  { article_id: 'integer', ...ENGLISH_VERSION_BACKUP_COLUMNS },
  { key: ['article_id'] },
);
