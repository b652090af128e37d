// Two versions of an article side by side: the title and the body, deletions marked <del> and
// insertions <ins> (with words for screen readers and a print, not colour alone), and the
// versions to compare picked in two labelled selects; any version can be restored as a draft.
import { ActionForm, ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { labelledChinaDateTime } from '../../lib/china-time.ts';
import type { RevisionText } from '../article-revisions.service.ts';
import { diffLine, diffText, type DiffPart } from '../revision-diff.ts';

const STATUS_NAMES = { draft: '草稿', scheduled: '定时发布', published: '已发布' } as const;

/** How a version is named in the selects and headings. */
const versionLabel = (revision: RevisionText) =>
  `#${revision.id} ${labelledChinaDateTime(revision.editedAt)} ${revision.editedBy} ${STATUS_NAMES[revision.status]}${revision.restoredFrom === null ? '' : `(恢复自 #${revision.restoredFrom})`}`;

/** One side of a line: the parts, changed ones in <del>/<ins>. */
function Parts(props: { parts: DiffPart[] | null }) {
  if (props.parts === null) return <span class="diff-none">(无此行)</span>;
  return (
    <>
      {props.parts.map((part) =>
        part.kind === 'deleted' ? (
          <del>
            <span class="diff-label">[删除:</span>
            {part.text}
            <span class="diff-label">]</span>
          </del>
        ) : part.kind === 'inserted' ? (
          <ins>
            <span class="diff-label">[新增:</span>
            {part.text}
            <span class="diff-label">]</span>
          </ins>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

function VersionSelect(props: { name: 'from' | 'to'; label: string; revisions: RevisionText[]; selected: number }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {props.revisions.map((revision) => (
          <option value={String(revision.id)} selected={revision.id === props.selected}>
            {versionLabel(revision)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The comparison page of an article's revisions. */
export function RevisionsPage(props: {
  console: ConsoleChrome;
  articleId: number;
  articleTitle: string;
  revisions: RevisionText[];
  from: RevisionText;
  to: RevisionText;
}) {
  const { from, to, articleId } = props;
  const title = diffLine(from.title, to.title);
  const rows = diffText(from.body, to.body);
  const changedRows = rows.filter((row) => row.changed).length;
  return (
    <ConsoleLayout console={props.console} title={`修订对比:${props.articleTitle}`}>
      <p>
        <a href={`/admin/articles/${articleId}`}>返回编辑</a>
      </p>
      <form class="search-filters" method="get" action={`/admin/articles/${articleId}/revisions`}>
        <VersionSelect name="from" label="较早版本(左)" revisions={props.revisions} selected={from.id} />
        <VersionSelect name="to" label="较新版本(右)" revisions={props.revisions} selected={to.id} />
        <button type="submit">比较</button>
      </form>
      <p class="search-summary">
        {from.id === to.id ? '两侧为同一版本。' : `正文有 ${changedRows} 行不同。`}以 <del>删除线</del> 标出较早版本删去的文字,以 <ins>下划线</ins>{' '}
        标出较新版本新增的文字。
      </p>
      <table class="data-table revision-diff">
        <caption>左:较早版本;右:较新版本</caption>
        <thead>
          <tr>
            <th scope="col">{versionLabel(from)}</th>
            <th scope="col">{versionLabel(to)}</th>
          </tr>
        </thead>
        <tbody>
          <tr class="diff-title">
            <td>
              <strong>标题:</strong>
              <Parts parts={title.older} />
            </td>
            <td>
              <strong>标题:</strong>
              <Parts parts={title.newer} />
            </td>
          </tr>
          {rows.map((row) => (
            <tr class={row.changed ? 'diff-changed' : undefined}>
              <td>
                <Parts parts={row.older} />
              </td>
              <td>
                <Parts parts={row.newer} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>恢复为新草稿</h2>
      <p>恢复只会把所选版本的标题和正文存为一份新草稿,不会改动已发布的内容;在编辑页保存时再决定是否发布。</p>
      <ul class="restore-list">
        {[from, ...(to.id === from.id ? [] : [to])].map((revision) => (
          <li>
            {versionLabel(revision)}
            <ActionForm
              action={`/admin/articles/${articleId}/revisions/${revision.id}/restore`}
              token={props.console.token}
              label={`恢复 #${revision.id} 为新草稿`}
            />
          </li>
        ))}
      </ul>
    </ConsoleLayout>
  );
}
