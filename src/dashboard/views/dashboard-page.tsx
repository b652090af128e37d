// The console home.
import { ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';

/** The console home: what waits in each queue the user works on. */
export function ConsoleHomePage(props: { console: ConsoleChrome; counts: { submissions: number; applications: number; messages: number } | undefined }) {
  const { counts } = props;
  return (
    <ConsoleLayout console={props.console} title="工作台">
      {counts ? (
        <ul class="queue-counts">
          <li>
            <a href="/admin/submissions">待审核投稿</a>:<strong data-count="submissions">{counts.submissions}</strong>
          </li>
          <li>
            <a href="/admin/applications">待审核入驻申请</a>:<strong data-count="applications">{counts.applications}</strong>
          </li>
          <li>
            <a href="/admin/messages">待处理留言</a>:<strong data-count="messages">{counts.messages}</strong>
          </li>
        </ul>
      ) : (
        <p>
          <a href="/admin/articles">管理您负责频道的文章</a>,或<a href="/admin/articles/new">写新文章</a>。
        </p>
      )}
    </ConsoleLayout>
  );
}

