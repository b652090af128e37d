// Irreversible console actions ask first. The action's form posts to its own URL; a post without
// `confirmed=1` changes nothing and is answered with a page that says what will happen, naming the
// item, and posts the same values back with `confirmed=1`. It works without JavaScript, and both
// posts pass the CSRF check like any other.
import type { Context } from 'hono';
import type { ConsoleKit } from './console.ts';
import { ConsoleLayout, type ConsoleChrome } from './console-layout.tsx';
import { CSRF_FIELD } from './csrf.ts';
import { formValues } from './form.ts';

/** The field that says the user has seen the confirmation page and confirmed. */
export const CONFIRMED_FIELD = 'confirmed';

/** What a confirmation page says and carries. */
export interface Confirmation {
  /** The page's heading, e.g. 确认发布投稿. */
  title: string;
  /** What will happen, naming the item: 发布后,投稿《…》将作为东湖区频道的文章公开。 */
  consequence: string;
  /** The confirm button, e.g. 确认发布. */
  confirmLabel: string;
  /** Where 返回 leads: the page the action was started from. */
  back: string;
  /** The submitted values the action needs (a reason), posted again with the confirmation. */
  fields?: Readonly<Record<string, string>>;
}

/**
 * The confirmation page when the post does not carry `confirmed=1`; undefined when it does, and
 * the action may run. A route asks first with one line: `const ask = await askFirst(…); if (ask) return ask;`.
 */
export async function askFirst(c: Context, kit: ConsoleKit, confirmation: Confirmation): Promise<Response | undefined> {
  if ((await formValues(c))[CONFIRMED_FIELD] === '1') return undefined;
  return kit.page(c, <ConfirmationPage console={await kit.chrome(c)} action={c.req.path} confirmation={confirmation} />);
}

/** The page asking to confirm an action, with the values it will post again. */
export function ConfirmationPage(props: { console: ConsoleChrome; action: string; confirmation: Confirmation }) {
  const { confirmation } = props;
  return (
    <ConsoleLayout console={props.console} title={confirmation.title}>
      <div class="notice confirmation">
        <p>{confirmation.consequence}</p>
      </div>
      <form class="public-form action-form" method="post" action={props.action}>
        <input type="hidden" name={CSRF_FIELD} value={props.console.token} />
        {Object.entries(confirmation.fields ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={CONFIRMED_FIELD} value="1" />
        <button type="submit">{confirmation.confirmLabel}</button>
      </form>
      <p>
        <a href={confirmation.back}>返回</a>
      </p>
    </ConsoleLayout>
  );
}
