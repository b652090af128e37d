// The console's review of extracted facts: each next to its sentence, with confirm, correct, delete.
import { ActionForm, ConsoleLayout, type ConsoleChrome } from '../../admin/views/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import type { FactForCuration } from '../fact-curation.service.ts';
import { figureMaxLength, INDICATOR_FIGURE } from '../figure-rules.ts';
import { INDICATOR_NAMES } from '../insight.service.ts';

const CURATION = { confirmed: '已确认', corrected: '已更正', deleted: '已删除' } as const;
const field = (value: number | string | null) => (value === null ? '' : String(value));

/** The facts of the user's channels. */
export function FactCurationPage(props: { console: ConsoleChrome; facts: FactForCuration[] }) {
  const { console: chrome } = props;
  return (
    <ConsoleLayout console={chrome} title="经济数据审核">
      <p>系统从文章中识别的指标。请对照原句确认、更正或删除;更正后的数据在文章再次识别时保留。</p>
      {props.facts.length === 0 ? (
        <p class="notice">暂无数据。</p>
      ) : (
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
                  <a href={`/articles/${fact.articleId}`}>{fact.articleTitle}</a>
                </td>
                <td>
                  <form class="fact-correction" method="post" action={`/admin/facts/${fact.id}/correct`} aria-label={`更正 ${INDICATOR_NAMES[fact.indicator]}`}>
                    <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
                    <strong>{INDICATOR_NAMES[fact.indicator]}</strong>
                    <label>
                      年份 <input name="year" inputmode="numeric" size={4} value={field(fact.year)} />
                    </label>
                    <label>
                      类型
                      <select name="kind">
                        <option value="actual" selected={fact.kind === 'actual'}>实际</option>
                        <option value="target" selected={fact.kind === 'target'}>目标</option>
                      </select>
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
      )}
    </ConsoleLayout>
  );
}
