// Row types of the question tables (公开问答), and how backups copy them.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

export interface QuestionTable {
  id: Generated<number>;
  /** The asker's reference code for the status page, e.g. WD-7K4M-Q9XZ. */
  tracking_code: string;
  /** The office whose queue holds the question now (channel slug); a 转办 moves it. */
  channel: string;
  category: string;
  title: string;
  body: string;
  /** Personal data: blanked by `zhaoshang purge` once the question is closed. */
  asker_name: string | null;
  asker_contact: string | null;
  /** 1 when the asker agreed to publish the question and its answer (without name or contact). */
  publish_consent: number;
  status: 'received' | 'accepted' | 'declined' | 'answered';
  decline_reason: string | null;
  answer: string | null;
  /** The office that answered (channel slug): the 答复单位. */
  answered_by: string | null;
  created_at: string;
  accepted_at: string | null;
  answered_at: string | null;
  /** When it was declined or answered: the purge counts from here. */
  closed_at: string | null;
  purged_at: string | null;
}

/** One 转办: the question left one office's queue for another's. */
export interface QuestionTransferTable {
  id: Generated<number>;
  question_id: number;
  from_channel: string;
  to_channel: string;
  transferred_at: string;
}

/** The question tables as backups copy them, the transfers after the questions they refer to. */
export const questionBackups = [
  backupTable<QuestionTable>(
    'question',
    {
      id: 'integer',
      tracking_code: 'text',
      channel: 'text',
      category: 'text',
      title: 'text',
      body: 'text',
      asker_name: 'text',
      asker_contact: 'text',
      publish_consent: 'integer',
      status: 'text',
      decline_reason: 'text',
      answer: 'text',
      answered_by: 'text',
      created_at: 'text',
      accepted_at: 'text',
      answered_at: 'text',
      closed_at: 'text',
      purged_at: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<QuestionTransferTable>(
    'question_transfer',
    { id: 'integer', question_id: 'integer', from_channel: 'text', to_channel: 'text', transferred_at: 'text' },
    { key: ['id'], autoIncrement: 'id' },
  ),
] as const;
