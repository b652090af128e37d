// Long texts (article and policy bodies) read from SQLite as bytes and decoded in JS. better-sqlite3
// turns every text value into a JS string with V8's UTF-8 decoder, which for Chinese text ran at
// about 85 MB/s: reading the ten 3 kB bodies of a search results page cost 0.44–0.60 ms of CPU,
// while the same bodies read as blobs and decoded by Buffer's decoder cost 0.11–0.12 ms (bench
// results of the 10,000-article corpus of bench:search-http). This plugin does that for the
// columns listed below, where the query names them; stores stay free of dialect knowledge. The
// bytes are UTF-8: SQLite's default text encoding, which the portal never changes.
import {
  AliasNode,
  CastNode,
  ColumnNode,
  DataTypeNode,
  IdentifierNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  ReferenceNode,
  SelectionNode,
  type SelectQueryNode,
  TableNode,
  type UnknownRow,
} from 'kysely';
import type { Database } from './database.ts';

/** Columns by table. */
type LongTextColumns = Readonly<Record<string, readonly string[]>>;

/** The columns that hold texts of kilobytes, which pages read by the dozen. */
export const LONG_TEXT_COLUMNS = {
  article: ['body'],
  article_revision: ['body'],
  article_english: ['body'],
  policy: ['body'],
  policy_english: ['body'],
} satisfies { [Table in keyof Database]?: ReadonlyArray<keyof Database[Table] & string> };

type QueryId = PluginTransformQueryArgs['queryId'];

/**
 * Rewrites `select body from article` as `select cast(body as blob) as body from article` and turns
 * the bytes back into the same string. Only a select from one table whose selections name a listed
 * column of that table is rewritten (qualified by the table or not, aliased or not); `select *`,
 * joins and subqueries are read as before.
 */
export class LongTextAsBytes implements KyselyPlugin {
  // The result columns to decode, by query: set when the query is transformed, taken with its result.
  private readonly decoding = new WeakMap<QueryId, string[]>();

  constructor(private readonly columns: LongTextColumns = LONG_TEXT_COLUMNS) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind !== 'SelectQueryNode' || !node.selections) return node;
    const table = singleTable(node);
    const long = table === undefined ? undefined : this.columns[table];
    if (!long) return node;
    const decoded: string[] = [];
    const selections = node.selections.map((selection) => {
      const read = longColumnRead(selection.selection, table!, long);
      if (!read) return selection;
      decoded.push(read.name);
      const bytes = CastNode.create(ReferenceNode.create(ColumnNode.create(read.column)), DataTypeNode.create('blob'));
      return SelectionNode.create(AliasNode.create(bytes, IdentifierNode.create(read.name)));
    });
    if (decoded.length === 0) return node;
    this.decoding.set(queryId, decoded);
    return { ...node, selections };
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const names = this.decoding.get(queryId);
    if (!names) return result;
    this.decoding.delete(queryId);
    for (const row of result.rows) {
      for (const name of names) {
        const value = row[name];
        if (Buffer.isBuffer(value)) row[name] = value.toString('utf8');
      }
    }
    return result;
  }
}

/** The table of `select … from table`, when it is the only one read. */
function singleTable(node: SelectQueryNode): string | undefined {
  if (node.joins || node.from?.froms.length !== 1) return undefined;
  const [from] = node.from.froms;
  return from && TableNode.is(from) && !from.table.schema ? from.table.identifier.name : undefined;
}

/** The listed column a selection reads, and the name its value comes back under. */
function longColumnRead(selection: OperationNode, table: string, long: readonly string[]): { column: string; name: string } | undefined {
  const [expression, alias] = AliasNode.is(selection) ? [selection.node, selection.alias] : [selection, undefined];
  if (!ReferenceNode.is(expression) || !ColumnNode.is(expression.column)) return undefined;
  const qualifier = expression.table?.table.identifier.name;
  if (qualifier !== undefined && qualifier !== table) return undefined;
  const column = expression.column.column.name;
  if (!long.includes(column)) return undefined;
  const name = alias && IdentifierNode.is(alias) ? alias.name : column;
  return { column, name };
}
