// Row types of the request tables (企业诉求), and how backups copy them.
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';
import type { AppealCategory, AppealEventKind, AppealRating, AppealStatus } from './appeal.ts';

export interface AppealTable {
  id: Generated<number>;
  /** The enterprise's reference code for following and rating it, e.g. SQ-7K4M-Q9XZ. */
  tracking_code: string;
  /** 统一社会信用代码, checked and normalised as on 企业入驻; '' for a company registered outside the mainland. */
  credit_code: string;
  /** ISO 3166-1 code of the country or region (HK, MO, TW included) a company outside the mainland is registered in; null for one in it. */
  registration_country: string | null;
  /** The registration number there; null for a company in the mainland. */
  registration_number: string | null;
  enterprise_name: string;
  /** Personal data: blanked by `zhaoshang purge` once the request is closed. */
  contact_name: string | null;
  contact_phone: string | null;
  /** The district (channel slug) the request is filed to; the desk may hand it to another office. */
  channel: string;
  category: AppealCategory;
  title: string;
  body: string;
  status: AppealStatus;
  /** The console account handling it (特派员); null until assigned. */
  handler_id: number | null;
  assigned_at: string | null;
  /** The deadline: a Beijing date (YYYY-MM-DD), end of day; moved by an approved extension. */
  due_on: string | null;
  /** The working days granted since assignment (the category's, plus approved extensions): due_on counted from assigned_at. */
  working_days: number | null;
  /** 1 when the deadline reaches into a year whose holiday file is missing (counted Monday to Friday). */
  due_provisional: number;
  resolution: string | null;
  resolved_at: string | null;
  /** 1 when resolved on or before due_on (Beijing date), judged when resolved; null until then. */
  resolved_on_time: number | null;
  rating: AppealRating | null;
  rating_comment: string | null;
  rated_at: string | null;
  created_at: string;
  /** When it was rated 满意/基本满意: the purge counts from here. */
  closed_at: string | null;
  purged_at: string | null;
}

/** One line of a request's history: progress notes, assignments, extensions, ratings. */
export interface AppealEventTable {
  id: Generated<number>;
  appeal_id: number;
  kind: AppealEventKind;
  /** The console account that acted; null for the enterprise. */
  actor_id: number | null;
  text: string | null;
  created_at: string;
}

/** A handler's request for more working days, decided by an admin. */
export interface AppealExtensionTable {
  id: Generated<number>;
  appeal_id: number;
  requested_by: number;
  working_days: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

/** The request tables as backups copy them, the history and extensions after the requests. */
export const appealBackups = [
  backupTable<AppealTable>(
    'appeal',
    {
      id: 'integer',
      tracking_code: 'text',
      credit_code: 'text',
      registration_country: 'text',
      registration_number: 'text',
      enterprise_name: 'text',
      contact_name: 'text',
      contact_phone: 'text',
      channel: 'text',
      category: 'text',
      title: 'text',
      body: 'text',
      status: 'text',
      handler_id: 'integer',
      assigned_at: 'text',
      due_on: 'text',
      working_days: 'integer',
      due_provisional: 'integer',
      resolution: 'text',
      resolved_at: 'text',
      resolved_on_time: 'integer',
      rating: 'text',
      rating_comment: 'text',
      rated_at: 'text',
      created_at: 'text',
      closed_at: 'text',
      purged_at: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<AppealEventTable>(
    'appeal_event',
    { id: 'integer', appeal_id: 'integer', kind: 'text', actor_id: 'integer', text: 'text', created_at: 'text' },
    { key: ['id'], autoIncrement: 'id' },
  ),
  backupTable<AppealExtensionTable>(
    'appeal_extension',
    {
      id: 'integer',
      appeal_id: 'integer',
      requested_by: 'integer',
      working_days: 'integer',
      reason: 'text',
      status: 'text',
      requested_at: 'text',
      decided_by: 'integer',
      decided_at: 'text',
    },
    { key: ['id'], autoIncrement: 'id' },
  ),
] as const;
