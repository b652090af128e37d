// A wide table inside a box that scrolls sideways on a narrow screen, so that the page itself never
// does. The box takes keyboard focus (arrow keys scroll it) and names itself to screen readers.
import type { Child } from 'hono/jsx';

/** A table's sideways-scrolling frame. */
export function TableScroll(props: { label: string; children: Child }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
