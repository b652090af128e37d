// The console's review of extracted facts: the queue, each fact next to its sentence with confirm,
// correct, delete; and one article's facts beside its text, to confirm them all in one step.
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { markSentences } from '../../lib/highlight.ts';
import { FACT_QUALIFIERS as QUALIFIERS, type ArticleReview, type FactForCuration } from '../fact-curation.service.ts';
import { figureMaxLength, INDICATOR_FIGURE } from '../figure-rules.ts';
import { INDICATOR_NAMES, KIND_NAMES } from '../insight.service.ts';
import { TableScroll } from '../../http/table-scroll.tsx';

const CURATION = { confirmed: '已确认', corrected: '已更正', deleted: '已删除' } as const;
const field = (value: number | string | null) => (value === null ? '' : String(value));

/** How sure the reader was, with its reasons when unsure. */
function Confidence(props: { fact: FactForCuration }) {
  const { level, reasons } = props.fact.confidence;
  return (
    <p class={`confidence confidence-${level}`}>
      {level === 'low' ? `把握较低:${reasons.join(';') || '未说明'}` : '把握较高'}
    </p>
  );
}

/** 2025年 or 2021-2025年 (a plan period), 年均 or 累计 where it is one. */
const whenOf = (fact: FactForCuration) => `${fact.year ?? fact.period ?? '—'}年${KIND_NAMES[fact.kind]}`;

/** The figures of a fact in one line: 1.2万亿元 增长5%(力争6%) 左右. */
function figuresOf(fact: FactForCuration): string {
  const parts = [fact.value === null ? '' : `${fact.value}${fact.unit ?? ''}`, fact.growth === null ? '' : `增长${fact.growth}%`, fact.stretch === null ? '' : `(力争${fact.stretch}%)`, fact.qualifier ?? ''];
  return parts.filter(Boolean).join(' ') || '—';
}

/** The facts of the user's channels, the uncertain unreviewed ones first. */
export function FactCurationPage(props: { console: ConsoleChrome; facts: FactForCuration[] }) {
  const { console: chrome } = props;
  return (
    <ConsoleLayout console={chrome} title="经济数据审核">
      <p>系统从文章中识别的指标,把握较低的待审核数据排在最前。请对照原句确认、更正或删除,或打开“对照原文审核”阅读全文后一次确认本文全部数据;更正后的数据在文章再次识别时保留。未经确认的数据在公开页面标注“系统识别，待核实”。</p>
      {props.facts.length === 0 ? (
        <p class="notice">暂无数据。</p>
      ) : (
        <TableScroll label="待审核数据">
        <table class="data-table fact-table">
          <thead>
            <tr>
              <th scope="col">原句与文章</th>
              <th scope="col">识别结果(可更正)</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {props.facts.map((fact) => (
              <tr id={`fact-${fact.id}`}>
                <td>
                  <p>{fact.sentence}</p>
                  <a href={`/articles/${fact.articleId}`}>{fact.articleTitle}</a> · <a href={`/admin/facts/articles/${fact.articleId}#fact-${fact.id}`}>对照原文审核</a>
                  <Confidence fact={fact} />
                </td>
                <td>
                  <form class="fact-correction" method="post" action={`/admin/facts/${fact.id}/correct`} aria-label={`更正 ${INDICATOR_NAMES[fact.indicator]}`}>
                    <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
                    <strong>{INDICATOR_NAMES[fact.indicator]}</strong>
                    <label>
                      地区 <input name="place" size={6} maxlength={20} placeholder="本频道" value={field(fact.place)} />
                    </label>
                    <label>
                      年份 <input name="year" inputmode="numeric" size={4} value={field(fact.year)} />
                    </label>
                    <label>
                      类型
                      <select name="kind">
                        {(['actual', 'target', 'period_average', 'period_total'] as const).map((kind) => (
                          <option value={kind} selected={fact.kind === kind}>
                            {KIND_NAMES[kind]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      期间 <input name="period" size={9} placeholder="2021-2025" value={field(fact.period)} />
                    </label>
                    <label>
                      数值 <input name="value" inputmode="decimal" size={8} maxlength={figureMaxLength(INDICATOR_FIGURE)} value={field(fact.value)} />
                    </label>
                    <label>
                      单位 <input name="unit" size={4} value={field(fact.unit)} />
                    </label>
                    <label>
                      增长% <input name="growth" inputmode="decimal" size={5} maxlength={figureMaxLength(INDICATOR_FIGURE)} value={field(fact.growth)} />
                    </label>
                    <label>
                      力争% <input name="stretch" inputmode="decimal" size={5} maxlength={figureMaxLength(INDICATOR_FIGURE)} value={field(fact.stretch)} />
                    </label>
                    <label>
                      限定
                      <select name="qualifier">
                        <option value="">无</option>
                        {QUALIFIERS.map((q) => (
                          <option value={q} selected={fact.qualifier === q}>
                            {q}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button type="submit">保存更正</button>
                  </form>
                </td>
                <td>
                  {fact.curation ? <p class="item-status">{CURATION[fact.curation]}</p> : <p class="item-status">待审核</p>}
                  {fact.curation !== 'confirmed' && <ActionForm action={`/admin/facts/${fact.id}/confirm`} token={chrome.token} label="确认" />}
                  {fact.curation !== 'deleted' && <ActionForm action={`/admin/facts/${fact.id}/delete`} token={chrome.token} label="删除" />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </ConsoleLayout>
  );
}

/** One article's facts beside its text, each sentence marked, with one action to confirm them all. */
export function ArticleReviewPage(props: { console: ConsoleChrome; review: ArticleReview; problem?: string | undefined }) {
  const { console: chrome, review } = props;
  const unreviewed = review.facts.filter((f) => f.curation === null).length;
  const sentences = review.facts.filter((f) => f.curation !== 'deleted').map((f) => ({ id: f.id, sentence: f.sentence }));
  const found = new Set<number>();
  const blocks = review.blocks.map((block) => {
    const marked = markSentences(block.text, sentences);
    for (const id of marked.found) found.add(id);
    return { kind: block.kind, pieces: marked.pieces };
  });
  return (
    <ConsoleLayout console={chrome} title={`对照原文审核:${review.title}`}>
      <FormProblem problem={props.problem} />
      <p>
        <a href="/admin/facts">返回审核列表</a> · 左侧为文章正文,识别出数据的原句已标出;右侧为本文的 {review.facts.length} 条数据,其中 {unreviewed} 条待审核。
      </p>
      <div class="review-beside">
        <div class="review-text article-body">
          {blocks.map((block) => {
            const content = block.pieces.map((piece) =>
              piece.ids ? (
                <mark id={`sentence-${piece.ids[0]}`}>
                  {piece.text}
                  <sup>{piece.ids.map((id) => `[${review.facts.findIndex((f) => f.id === id) + 1}]`).join('')}</sup>
                </mark>
              ) : (
                piece.text
              ),
            );
            return block.kind === 'heading' ? <h2>{content}</h2> : block.kind === 'subheading' ? <h3>{content}</h3> : <p>{content}</p>;
          })}
        </div>
        <div class="review-facts">
          <ol class="review-fact-list">
            {review.facts.map((fact) => (
              <li id={`fact-${fact.id}`}>
                <strong>
                  {fact.place} {INDICATOR_NAMES[fact.indicator]}
                </strong>{' '}
                {whenOf(fact)}:{figuresOf(fact)}
                <p class="item-status">{fact.curation ? CURATION[fact.curation] : '待审核'}</p>
                <Confidence fact={fact} />
                {found.has(fact.id) ? <a href={`#sentence-${fact.id}`}>查看原句</a> : <p class="field-hint">正文中未找到原句:“{fact.sentence}”</p>}
              </li>
            ))}
          </ol>
          {unreviewed > 0 ? (
            <form class="public-form action-form" method="post" action={`/admin/facts/articles/${review.articleId}/confirm`}>
              <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
              <input type="hidden" name="version" value={review.version} />
              <button type="submit">确认本文全部数据</button>
              <p class="field-hint">确认本文 {unreviewed} 条待审核数据;已更正或删除的保持不变。有误的请先在审核列表中更正或删除。</p>
            </form>
          ) : (
            <p class="notice">本文数据均已审核。</p>
          )}
        </div>
      </div>
    </ConsoleLayout>
  );
}
