// The console's project library: 红黄灯预警 first, stage and milestone dates per project, and a
// form to add a project by hand.
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import type { NavChannel } from '../../http/layout.tsx';
import { figureMaxLength, PROJECT_AMOUNT } from '../figure-rules.ts';
import { PROJECT_STAGES } from '../../lib/project-stages.ts';
import type { ProjectForCuration } from '../project-curation.service.ts';
import { TableScroll } from '../../http/table-scroll.tsx';

const LIGHT = { red: '红灯', yellow: '黄灯' } as const;

// Named by a visible <label for={id}>, or by `label` where a table row has no room for one.
function StageSelect(props: { name: string; value?: string | null; id?: string; label?: string }) {
  return (
    <select name={props.name} id={props.id} aria-label={props.label}>
      {PROJECT_STAGES.map((stage) => (
        <option value={stage} selected={stage === props.value}>
          {stage}
        </option>
      ))}
    </select>
  );
}

/** Projects of the user's districts, with warnings. */
export function ProjectCurationPage(props: { console: ConsoleChrome; projects: ProjectForCuration[]; channels: Array<{ value: string; label: string }>; channelName: (slug: string) => NavChannel; problem?: string }) {
  const { console: chrome } = props;
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
          {props.projects.map((project) => (
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
                  <input name="name" value={project.name} maxlength={60} aria-label="项目名称" />
                  <input name="amount" value={project.amount === null || project.unit !== '亿元' ? '' : String(project.amount)} inputmode="decimal" maxlength={figureMaxLength(PROJECT_AMOUNT)} aria-label="总投资(亿元)" />
                  <input name="industry" value={project.industry ?? ''} maxlength={20} aria-label="产业" />
                </ActionForm>
                {!project.verified && <ActionForm action={`/admin/projects/${project.id}/confirm`} token={chrome.token} label="确认项目" />}
                <ActionForm action={`/admin/projects/${project.id}/delete`} token={chrome.token} label="删除项目" />
              </td>
              <td>
                <ActionForm action={`/admin/projects/${project.id}/stage`} token={chrome.token} label="更新阶段">
                  <StageSelect name="stage" value={project.stage} label={`${project.name}的当前阶段`} />
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
                  <StageSelect name="milestone" label={`${project.name}的计划节点阶段`} />
                  <input type="date" name="plannedOn" aria-label="计划日期(留空则删除)" />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <h2>手工添加项目</h2>
      <form class="public-form" method="post" action="/admin/projects">
        <FormProblem problem={props.problem} />
        <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
        <label for="project-name">项目名称</label>
        <input id="project-name" name="name" maxlength={60} required />
        <label for="project-amount">总投资(亿元,可不填)</label>
        <input id="project-amount" name="amount" inputmode="decimal" maxlength={figureMaxLength(PROJECT_AMOUNT)} />
        <label for="project-channel">地区</label>
        <select id="project-channel" name="channel">
          {props.channels.map((c) => (
            <option value={c.value}>{c.label}</option>
          ))}
        </select>
        <label for="project-industry">产业(可不填)</label>
        <input id="project-industry" name="industry" maxlength={20} />
        <label for="project-stage">阶段</label>
        <StageSelect name="stage" id="project-stage" />
        <button type="submit">添加</button>
      </form>
    </ConsoleLayout>
  );
}
