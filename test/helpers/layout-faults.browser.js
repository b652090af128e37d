// Runs in the page (read as text, so that no compiler helpers leak into it): the layout faults
// that page-checks.ts describes, as an array of strings.
(() => {
  const faults = [];
  const root = document.documentElement;
  const name = (element) => {
    const classes = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes} “${(element.textContent ?? '').trim().slice(0, 20)}”`;
  };
  if (root.scrollWidth > root.clientWidth) faults.push(`the page scrolls sideways: ${root.scrollWidth}px wide in ${root.clientWidth}px`);
  const scrollsSideways = (element) => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
    }
    return false;
  };
  const hidden = (element) => element.closest('[aria-hidden="true"], .skip-link, [hidden]') !== null;
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || hidden(element)) continue;
    if (box.right > root.clientWidth + 0.5 && !scrollsSideways(element)) faults.push(`${name(element)} ends at ${Math.round(box.right)}px, past ${root.clientWidth}px`);
  }
  // Text squeezed into a column a character or two wide: a text node of n characters over n/2 lines
  // or more; a button's label on more than one line (确/认).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const element = text.parentElement;
    const characters = Array.from(text.data.replace(/\s/g, '')).length;
    // Two characters over two lines is ordinary wrapping inside running text, but a squeeze in a
    // cell, a label or a button.
    if (!element || characters < 2 || hidden(element) || (characters < 3 && !element.matches('th, td, label, button'))) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.bottom))).size;
    const inButton = element.closest('button') !== null;
    if (inButton ? lines > 1 : lines > 1 && lines >= characters / 2) faults.push(`${name(element)} breaks “${text.data.trim().slice(0, 20)}” onto ${lines} lines`);
  }
  return faults;
})();
