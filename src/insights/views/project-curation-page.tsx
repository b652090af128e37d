// The console's project library: 红黄灯预警 first, stage and milestone dates per project, and a
// form to add a project by hand.
import { ActionForm, ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { InlineError, invalidWhen } from '../../http/form-controls.tsx';
import type { FieldErrors, FormValues } from '../../http/form.ts';
import type { NavChannel } from '../../http/layout.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { figureMaxLength, PROJECT_AMOUNT } from '../figure-rules.ts';
import { PROJECT_STAGES } from '../../lib/project-stages.ts';
import type { ProjectForCuration } from '../project-curation.service.ts';

const LIGHT = { red: '红灯', yellow: '黄灯' } as const;

/** A form of the page as posted and refused: which one, the values kept, a message per wrong field. */
export interface PostedProjectForm {
  project: number | 'new';
  form: 'add' | 'correct' | 'stage' | 'milestone';
  values: FormValues;
  errors: FieldErrors;
}

/** The values and errors one form shows: as posted when it is the refused one, else `stored`. */
function formState(posted: PostedProjectForm | undefined, project: number | 'new', form: PostedProjectForm['form'], stored: FormValues) {
  const mine = posted?.project === project && posted.form === form ? posted : undefined;
  const prefix = `project-${project}-${form}-error-`;
  return {
    refused: mine !== undefined,
    value: (name: string) => (mine ? (mine.values[name] ?? '') : (stored[name] ?? '')),
    error: (name: string) => mine?.errors[name],
    errorId: (name: string) => prefix + name,
    invalid: (name: string) => invalidWhen(mine?.errors[name], prefix + name),
  };
}

type FormState = ReturnType<typeof formState>;

/** The refused form's notice and one field's error, beside the field. */
const Refused = (props: { state: FormState }) =>
  props.state.refused ? (
    <p class="form-errors" role="alert">
      未保存,请修改标出的项。
    </p>
  ) : null;
const ErrorOf = (props: { state: FormState; name: string }) => <InlineError id={props.state.errorId(props.name)} error={props.state.error(props.name)} />;

function StageSelect(props: { name: string; value?: string | null; id?: string; attributes?: Record<string, string> }) {
  return (
    <select name={props.name} id={props.id} {...props.attributes}>
      {PROJECT_STAGES.map((stage) => (
        <option value={stage} selected={stage === props.value}>
          {stage}
        </option>
      ))}
    </select>
  );
}

/** Projects of the user's districts, with warnings. */
export function ProjectCurationPage(props: {
  console: ConsoleChrome;
  projects: ProjectForCuration[];
  channels: Array<{ value: string; label: string }>;
  channelName: (slug: string) => NavChannel;
  posted?: PostedProjectForm | undefined;
}) {
  const { console: chrome, posted } = props;
  const add = formState(posted, 'new', 'add', {});
  return (
    <ConsoleLayout console={chrome} title="项目管理">
      <TableScroll label="项目列表">
        <table class="data-table project-curation">
          <thead>
            <tr>
              <th scope="col">预警</th>
              <th scope="col">项目</th>
              <th scope="col">当前阶段</th>
              <th scope="col">计划节点</th>
            </tr>
          </thead>
          <tbody>
            {props.projects.map((project) => {
              const correct = formState(posted, project.id, 'correct', {
                name: project.name,
                amount: project.amount === null || project.unit !== '亿元' ? '' : String(project.amount),
                industry: project.industry ?? '',
              });
              const stage = formState(posted, project.id, 'stage', { stage: project.stage ?? '' });
              const milestone = formState(posted, project.id, 'milestone', {});
              return (
                <tr id={`project-${project.id}`}>
                  <td>
                    {project.warnings.map((w) => (
                      <p class={`light light-${w.level}`}>
                        {LIGHT[w.level]}:{w.stage} {w.days < 0 ? `已逾期 ${-w.days} 天` : `还剩 ${w.days} 天`}({w.plannedOn})
                      </p>
                    ))}
                  </td>
                  <td>
                    {project.name}
                    <br />
                    {props.channelName(project.channel).name}
                    {project.amount !== null && ` · ${project.amount}${project.unit ?? ''}`}
                    {project.manual && ' · 手工添加'}
                    <span class="item-status">{project.verified ? ' · 已核实' : ' · 系统识别，待核实'}</span>
                    {project.sources.map((source) => (
                      <p class="field-hint">
                        “{source.sentence}” <a href={`/articles/${source.articleId}`}>原文</a>
                      </p>
                    ))}
                    <ActionForm action={`/admin/projects/${project.id}/correct`} token={chrome.token} label="保存更正">
                      <Refused state={correct} />
                      <input name="name" value={correct.value('name')} maxlength={60} aria-label="项目名称" {...correct.invalid('name')} />
                      <ErrorOf state={correct} name="name" />
                      <input
                        name="amount"
                        value={correct.value('amount')}
                        inputmode="decimal"
                        maxlength={figureMaxLength(PROJECT_AMOUNT)}
                        aria-label="总投资(亿元)"
                        {...correct.invalid('amount')}
                      />
                      <ErrorOf state={correct} name="amount" />
                      <input name="industry" value={correct.value('industry')} maxlength={20} aria-label="产业" />
                    </ActionForm>
                    {!project.verified && <ActionForm action={`/admin/projects/${project.id}/confirm`} token={chrome.token} label="确认项目" />}
                    <ActionForm action={`/admin/projects/${project.id}/delete`} token={chrome.token} label="删除项目" />
                  </td>
                  <td>
                    <ActionForm action={`/admin/projects/${project.id}/stage`} token={chrome.token} label="更新阶段">
                      <Refused state={stage} />
                      <StageSelect name="stage" value={stage.value('stage')} attributes={{ 'aria-label': '当前阶段', ...stage.invalid('stage') }} />
                      <ErrorOf state={stage} name="stage" />
                    </ActionForm>
                  </td>
                  <td>
                    <ul>
                      {project.milestones.map((m) => (
                        <li>
                          {m.stage}:{m.plannedOn}
                        </li>
                      ))}
                    </ul>
                    <ActionForm action={`/admin/projects/${project.id}/milestone`} token={chrome.token} label="设置节点">
                      <Refused state={milestone} />
                      <StageSelect
                        name="milestone"
                        value={milestone.value('milestone')}
                        attributes={{ 'aria-label': '节点阶段', ...milestone.invalid('milestone') }}
                      />
                      <ErrorOf state={milestone} name="milestone" />
                      <input
                        type="date"
                        name="plannedOn"
                        value={milestone.value('plannedOn')}
                        aria-label="计划日期(留空则删除)"
                        {...milestone.invalid('plannedOn')}
                      />
                      <ErrorOf state={milestone} name="plannedOn" />
                    </ActionForm>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <h2>手工添加项目</h2>
      <form class="public-form" method="post" action="/admin/projects">
        <Refused state={add} />
        <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
        <label for="project-name">项目名称</label>
        <input id="project-name" name="name" maxlength={60} required value={add.value('name')} {...add.invalid('name')} />
        <ErrorOf state={add} name="name" />
        <label for="project-amount">总投资(亿元,可不填)</label>
        <input
          id="project-amount"
          name="amount"
          inputmode="decimal"
          maxlength={figureMaxLength(PROJECT_AMOUNT)}
          value={add.value('amount')}
          {...add.invalid('amount')}
        />
        <ErrorOf state={add} name="amount" />
        <label for="project-channel">地区</label>
        <select id="project-channel" name="channel" {...add.invalid('channel')}>
          {props.channels.map((c) => (
            <option value={c.value} selected={add.value('channel') === c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <ErrorOf state={add} name="channel" />
        <label for="project-industry">产业(可不填)</label>
        <input id="project-industry" name="industry" maxlength={20} value={add.value('industry')} />
        <label for="project-stage">阶段</label>
        <StageSelect name="stage" id="project-stage" value={add.value('stage')} attributes={add.invalid('stage')} />
        <ErrorOf state={add} name="stage" />
        <button type="submit">添加</button>
      </form>
    </ConsoleLayout>
  );
}
