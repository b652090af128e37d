// 适老化 large-text mode. Loaded in <head>, before the body is drawn, so that a reader who chose
// large text never sees the page jump. The choice is kept in this browser (localStorage, and a
// cookie where storage is refused); the server never reads it, so cached pages stay the same
// for everyone. The toggle button in the header is hidden until this script shows it.
(() => {
  const KEY = 'text-size';
  const LARGE = 'text-large';
  const root = document.documentElement;

  function stored() {
    try {
      const value = localStorage.getItem(KEY);
      if (value) return value;
    } catch {
      // Storage refused (private mode, policy): the cookie below still remembers.
    }
    return /(?:^|;\s*)text-size=large(?:;|$)/.test(document.cookie) ? 'large' : 'normal';
  }

  function remember(size) {
    try {
      localStorage.setItem(KEY, size);
    } catch {
      // See stored().
    }
    document.cookie = `${KEY}=${size}; path=/; max-age=31536000; SameSite=Lax`;
  }

  root.classList.toggle(LARGE, stored() === 'large');

  document.addEventListener('DOMContentLoaded', () => {
    for (const button of document.querySelectorAll('.text-size-toggle')) {
      button.setAttribute('aria-pressed', String(root.classList.contains(LARGE)));
      button.hidden = false;
      button.addEventListener('click', () => {
        const large = !root.classList.contains(LARGE);
        root.classList.toggle(LARGE, large);
        remember(large ? 'large' : 'normal');
        for (const each of document.querySelectorAll('.text-size-toggle')) each.setAttribute('aria-pressed', String(large));
      });
    }
  });
})();
