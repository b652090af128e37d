// The console's editor of an English version (articles and policies alike): title, summary,
// Markdown body and the machine-translation box the editor must answer.
import { ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { ENGLISH_BODY_MAX, ENGLISH_SUMMARY_MAX, ENGLISH_TITLE_MAX, type EnglishVersion } from '../english-version.ts';

const MACHINE_CHOICES = [
  { value: 'no', label: '否,由人工翻译或撰写' },
  { value: 'yes', label: '是,来自机器翻译(页面将标注“机器翻译,仅供参考,以中文版为准”)' },
];

/** The form's values for a saved version (or an empty form). */
export function englishVersionForm(english: EnglishVersion | undefined): FieldState {
  return {
    values: english ? { title: english.title, summary: english.summary, body: english.body, machineTranslated: english.machineTranslated ? 'yes' : 'no' } : {},
    errors: {},
  };
}

/** `/admin/<kind>/:id/english`. */
export function EnglishVersionEditorPage(props: {
  console: ConsoleChrome;
  /** 文章 or 政策文件. */
  noun: string;
  chineseTitle: string;
  /** The console page of the original, and the public English page. */
  backHref: string;
  englishHref: string;
  action: string;
  state: FieldState;
  saved?: 'saved' | 'removed' | undefined;
  exists: boolean;
}) {
  const { state } = props;
  const messages = Object.values(state.errors);
  return (
    <ConsoleLayout console={props.console} title={`${props.noun}英文版`}>
      <p>
        {props.noun}:<a href={props.backHref}>{props.chineseTitle}</a>
        {props.exists && (
          <>
            {' · '}
            <a href={props.englishHref}>查看英文页面</a>
          </>
        )}
      </p>
      {props.saved && (
        <p class="notice" role="status">
          {props.saved === 'saved' ? '英文版已保存。' : '英文版已删除。'}
        </p>
      )}
      <p class="field-hint">英文版须由编辑撰写或审校。把三项文字都清空后保存,即删除英文版。</p>
      <FormProblem problem={messages.length > 0 ? `请修改以下 ${messages.length} 处:${messages.join(' ')}` : undefined} />
      <form class="public-form" method="post" action={props.action}>
        <input type="hidden" name={CSRF_FIELD} value={props.console.token} />
        <TextField state={state} name="title" label="英文标题" maxLength={ENGLISH_TITLE_MAX} />
        <TextArea state={state} name="summary" label="英文摘要" maxLength={ENGLISH_SUMMARY_MAX} rows={3} hint="列表和订阅中显示。" />
        <TextArea state={state} name="body" label="英文正文" maxLength={ENGLISH_BODY_MAX} rows={16} hint="Markdown 格式,与中文正文相同。" />
        <SelectField state={state} name="machineTranslated" label="是否来自机器翻译" options={MACHINE_CHOICES} />
        <button type="submit">保存英文版</button>
      </form>
    </ConsoleLayout>
  );
}
