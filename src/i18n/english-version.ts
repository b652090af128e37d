// The English version editors may write of an article or a policy: title, summary and Markdown
// body, and whether it came from a machine translation, which readers are then told.
import { z } from 'zod';
import { requiredText } from '../http/form-fields.ts';

export const ENGLISH_TITLE_MAX = 300;
export const ENGLISH_SUMMARY_MAX = 1_000;
export const ENGLISH_BODY_MAX = 200_000;

/** The row both `article_english` and `policy_english` have besides the key of what they translate. */
export interface EnglishVersionColumns {
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  /** 1 when the editor said the text came from a machine translation. */
  machine_translated: number;
  updated_at: string;
  /** The console user who saved it last. */
  updated_by: string;
}

/** The English version as pages and the API see it. */
export interface EnglishVersion {
  title: string;
  summary: string;
  body: string;
  machineTranslated: boolean;
  updatedAt: string;
}

/** What readers are told above a machine translation (as government sites do). */
export const MACHINE_TRANSLATION_NOTICE = 'Machine translation — for reference only; the Chinese version prevails.';

/** Maps the stored columns to the domain type. */
export function rowToEnglishVersion(row: Omit<EnglishVersionColumns, 'updated_by'>): EnglishVersion {
  return { title: row.title, summary: row.summary, body: row.body, machineTranslated: Number(row.machine_translated) === 1, updatedAt: row.updated_at };
}

/** The console form's rules (its messages in Chinese, as the console's are). An empty form removes the version. */
export const englishVersionSchema = z
  .object({
    title: z.string().optional(),
    summary: z.string().optional(),
    body: z.string().optional(),
    machineTranslated: z.string().optional(),
  })
  .transform((input, ctx) => {
    const blank = (text: string | undefined) => (text ?? '').trim() === '';
    if (blank(input.title) && blank(input.summary) && blank(input.body)) return null;
    const field = <T>(name: string, schema: z.ZodType<T>, value: unknown): T | undefined => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', path: [name], message: parsed.error.issues[0]!.message });
      return undefined;
    };
    const title = field('title', requiredText('英文标题', ENGLISH_TITLE_MAX), input.title ?? '');
    const summary = field('summary', requiredText('英文摘要', ENGLISH_SUMMARY_MAX), input.summary ?? '');
    const body = field('body', requiredText('英文正文', ENGLISH_BODY_MAX), input.body ?? '');
    const machine = field('machineTranslated', z.enum(['yes', 'no'], { error: '请说明英文版是否来自机器翻译。' }), input.machineTranslated);
    if (title === undefined || summary === undefined || body === undefined || machine === undefined) return z.NEVER;
    return { title, summary, body, machineTranslated: machine === 'yes' };
  });

/** A saved English version's fields, or null to remove it. */
export type EnglishVersionInput = z.infer<typeof englishVersionSchema>;

/** How backups copy the shared columns. */
export const ENGLISH_VERSION_BACKUP_COLUMNS = {
  title: 'text',
  summary: 'text',
  body: 'text',
  machine_translated: 'integer',
  updated_at: 'text',
  updated_by: 'text',
} as const;
