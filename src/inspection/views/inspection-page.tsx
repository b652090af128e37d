// The inspection watch: findings grouped by severity, each linking to where it is fixed.
import { ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { labelledChinaDateTime } from '../../lib/china-time.ts';
import type { Severity } from '../inspection-check.ts';
import type { Finding, InspectionReport } from '../inspection.service.ts';

const GROUPS: ReadonlyArray<{ severity: Severity; heading: string; empty: string }> = [
  { severity: 'veto', heading: '单项否决', empty: '没有单项否决问题。' },
  { severity: 'warning', heading: '警告', empty: '没有警告。' },
  { severity: 'ok', heading: '已通过', empty: '没有已通过的检查项。' },
];

/** The console page of one inspection. */
export function InspectionPage(props: { console: ConsoleChrome; report: InspectionReport; channelName: (slug: string) => string }) {
  const { report } = props;
  return (
    <ConsoleLayout console={props.console} title="网站检查">
      <p class="page-lead">
        按政府网站检查指标检查您负责的内容。检查时间:<time datetime={report.checkedAt}>{labelledChinaDateTime(report.checkedAt)}</time>。{' '}
        <a href="/admin/inspection">重新检查</a>
      </p>
      <p>
        单项否决 <strong data-count="veto">{report.counts.veto}</strong> 项,警告 <strong data-count="warning">{report.counts.warning}</strong> 项,已通过{' '}
        <strong data-count="ok">{report.counts.ok}</strong> 项。检查项:{report.checks.map((check) => check.title).join(';')}。
      </p>
      {GROUPS.map((group) => (
        <FindingGroup {...group} findings={report.findings.filter((finding) => finding.severity === group.severity)} channelName={props.channelName} />
      ))}
    </ConsoleLayout>
  );
}

function FindingGroup(props: { severity: Severity; heading: string; empty: string; findings: Finding[]; channelName: (slug: string) => string }) {
  return (
    <section aria-labelledby={`inspection-${props.severity}`}>
      <h2 id={`inspection-${props.severity}`}>
        {props.heading}({props.findings.length})
      </h2>
      {props.findings.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul class="dashboard-list">
          {props.findings.map((finding) => (
            <li data-check={finding.check} data-severity={finding.severity}>
              <a href={finding.href}>{finding.message}</a>
              <span class="meta">
                {finding.checkTitle}
                {finding.channel !== undefined && ` · ${props.channelName(finding.channel)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
