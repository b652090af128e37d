// The console's review of extracted facts: the queue, each fact next to its sentence with confirm,
// correct, delete; and one article's facts beside its text, to confirm them all in one step.
import type { Child } from 'hono/jsx';
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { InlineError, invalidWhen } from '../../http/form-controls.tsx';
import type { FieldErrors, FormValues } from '../../http/form.ts';
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
  return <p class={`confidence confidence-${level}`}>{level === 'low' ? `把握较低:${reasons.join(';') || '未说明'}` : '把握较高'}</p>;
}

/** 2025年 or 2021-2025年 (a plan period), 年均 or 累计 where it is one. */
const whenOf = (fact: FactForCuration) => `${fact.year ?? fact.period ?? '—'}年${KIND_NAMES[fact.kind]}`;

/** The figures of a fact in one line: 1.2万亿元 增长5%(力争6%) 左右. */
function figuresOf(fact: FactForCuration): string {
  const parts = [
    fact.value === null ? '' : `${fact.value}${fact.unit ?? ''}`,
    fact.growth === null ? '' : `增长${fact.growth}%`,
    fact.stretch === null ? '' : `(力争${fact.stretch}%)`,
    fact.qualifier ?? '',
  ];
  return parts.filter(Boolean).join(' ') || '—';
}

/** One fact's correction form as posted and refused: the values kept, a message per wrong field. */
export interface FactEditing {
  id: number;
  values: FormValues;
  errors: FieldErrors;
}

/** A labelled field of the correction form with its error beside it. */
function Labelled(props: { label: string; errorId: string; error: string | undefined; children: Child }) {
  return (
    <label>
      {props.label} {props.children}
      <InlineError id={props.errorId} error={props.error} />
    </label>
  );
}

/** A fact's figures, to correct; with `posted`, as the refused form had them. */
function CorrectionForm(props: { fact: FactForCuration; token: string; posted: FactEditing | undefined }) {
  const { fact, posted } = props;
  const value = (name: string, stored: number | string | null) => (posted ? (posted.values[name] ?? '') : field(stored));
  const errorId = (name: string) => `fact-${fact.id}-error-${name}`;
  const error = (name: string) => posted?.errors[name];
  const invalid = (name: string) => invalidWhen(error(name), errorId(name));
  const figure = { inputmode: 'decimal' as const, maxlength: figureMaxLength(INDICATOR_FIGURE) };
  const kind = value('kind', fact.kind);
  const qualifier = value('qualifier', fact.qualifier);
  return (
    <form class="fact-correction" method="post" action={`/admin/facts/${fact.id}/correct`} aria-label={`更正 ${INDICATOR_NAMES[fact.indicator]}`}>
      <input type="hidden" name={CSRF_FIELD} value={props.token} />
      {posted && (
        <p class="form-errors" role="alert">
          更正未保存,请修改标出的项。
        </p>
      )}
      <strong>{INDICATOR_NAMES[fact.indicator]}</strong>
      <Labelled label="地区" errorId={errorId('place')} error={error('place')}>
        <input name="place" size={6} maxlength={20} placeholder="本频道" value={value('place', fact.place)} {...invalid('place')} />
      </Labelled>
      <Labelled label="年份" errorId={errorId('year')} error={error('year')}>
        <input name="year" inputmode="numeric" size={4} value={value('year', fact.year)} {...invalid('year')} />
      </Labelled>
      <Labelled label="类型" errorId={errorId('kind')} error={error('kind')}>
        <select name="kind" {...invalid('kind')}>
          {(['actual', 'target', 'period_average', 'period_total'] as const).map((k) => (
            <option value={k} selected={kind === k}>
              {KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="期间" errorId={errorId('period')} error={error('period')}>
        <input name="period" size={9} placeholder="2021-2025" value={value('period', fact.period)} {...invalid('period')} />
      </Labelled>
      <Labelled label="数值" errorId={errorId('value')} error={error('value')}>
        <input name="value" size={8} {...figure} value={value('value', fact.value)} {...invalid('value')} />
      </Labelled>
      <Labelled label="单位" errorId={errorId('unit')} error={error('unit')}>
        <input name="unit" size={4} value={value('unit', fact.unit)} {...invalid('unit')} />
      </Labelled>
      <Labelled label="增长%" errorId={errorId('growth')} error={error('growth')}>
        <input name="growth" size={5} {...figure} value={value('growth', fact.growth)} {...invalid('growth')} />
      </Labelled>
      <Labelled label="力争%" errorId={errorId('stretch')} error={error('stretch')}>
        <input name="stretch" size={5} {...figure} value={value('stretch', fact.stretch)} {...invalid('stretch')} />
      </Labelled>
      <Labelled label="限定" errorId={errorId('qualifier')} error={error('qualifier')}>
        <select name="qualifier" {...invalid('qualifier')}>
          <option value="">无</option>
          {QUALIFIERS.map((q) => (
            <option value={q} selected={qualifier === q}>
              {q}
            </option>
          ))}
        </select>
      </Labelled>
      <button type="submit">保存更正</button>
    </form>
  );
}

/** The facts of the user's channels, the uncertain unreviewed ones first; `editing`: a refused correction. */
export function FactCurationPage(props: { console: ConsoleChrome; facts: FactForCuration[]; editing?: FactEditing | undefined }) {
  const { console: chrome } = props;
  return (
    <ConsoleLayout console={chrome} title="经济数据审核">
      <p>
        系统从文章中识别的指标,把握较低的待审核数据排在最前。请对照原句确认、更正或删除,或打开“对照原文审核”阅读全文后一次确认本文全部数据;更正后的数据在文章再次识别时保留。未经确认的数据在公开页面标注“系统识别，待核实”。
      </p>
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
                    <a href={`/articles/${fact.articleId}`}>{fact.articleTitle}</a> ·{' '}
                    <a href={`/admin/facts/articles/${fact.articleId}#fact-${fact.id}`}>对照原文审核</a>
                    <Confidence fact={fact} />
                  </td>
                  <td>
                    <CorrectionForm fact={fact} token={chrome.token} posted={props.editing?.id === fact.id ? props.editing : undefined} />
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
