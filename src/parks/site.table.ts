// Row type of the carrier library (载体库), and how backups copy it. One table for the four kinds:
// the columns every site has, then the facts only some kinds have (null for the others).
import type { Generated } from 'kysely';
import { backupTable } from '../db/backup-table.ts';

export interface SiteTable {
  id: Generated<number>;
  kind: 'park' | 'building' | 'factory' | 'land';
  name: string;
  /** The channel (district, county, zone) whose office keeps the site and answers its 我要咨询. */
  channel: string;
  address: string;
  /** GB/T 4754 section letters the site suits, each between commas: `,C,I,` (empty: `,`). */
  industries: string;
  /** The site's area in m²: a park's planned area, a building's or factory's floor area, a plot's area (derived from area_mu). */
  area_m2: number;
  /** A land plot's area in 亩 as the editor entered it (the exact figure); null for other kinds. */
  area_mu: number | null;
  /** 优势 / 简介: plain text. */
  advantages: string;
  contact_name: string;
  contact_phone: string;
  /** Buildings: 甲级, 乙级 …; null otherwise. */
  grade: string | null;
  floors: number | null;
  /** Buildings, factories and parks: the vacant area in m² at the last confirmation. */
  vacant_m2: number | null;
  /** Rent in 元/m²/天, a range (equal ends: one price). */
  rent_min: number | null;
  rent_max: number | null;
  /** 物业费 in 元/m²/月. */
  property_fee: number | null;
  /** Land: 工业, 商业 …; 容积率 as a range; 在售, 已出让 …. */
  land_use: string | null;
  plot_ratio_min: number | null;
  plot_ratio_max: number | null;
  land_status: string | null;
  /** The Beijing date (YYYY-MM-DD) an editor last confirmed the vacancy (or the plot's status). */
  confirmed_on: string;
  /** Name, address, advantages and industry names folded as search queries are (normalizeQuery). */
  search_text: string;
  created_at: string;
  updated_at: string;
}

/** The site table as backups copy it. */
export const siteBackup = backupTable<SiteTable>(
  'site',
  {
    id: 'integer',
    kind: 'text',
    name: 'text',
    channel: 'text',
    address: 'text',
    industries: 'text',
    area_m2: 'real',
    area_mu: 'real',
    advantages: 'text',
    contact_name: 'text',
    contact_phone: 'text',
    grade: 'text',
    floors: 'integer',
    vacant_m2: 'real',
    rent_min: 'real',
    rent_max: 'real',
    property_fee: 'real',
    land_use: 'text',
    plot_ratio_min: 'real',
    plot_ratio_max: 'real',
    land_status: 'text',
    confirmed_on: 'text',
    search_text: 'text',
    created_at: 'text',
    updated_at: 'text',
  },
  { key: ['id'], autoIncrement: 'id' },
);
