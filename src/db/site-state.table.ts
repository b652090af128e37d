// Rows of the two tiny site-wide tables.

/** A single row whose number grows with every change of public content; caches key on it. */
export interface ContentVersionTable {
  id: number;
  version: number;
}

/** Small facts about this installation (e.g. when the bundled seed was imported). */
export interface SiteMetaTable {
  key: string;
  value: string;
}
