/**
 * PatternFly pins its toasts to the window's top edge, where both consoles draw their masthead,
 * so a toast would hide the masthead's menus. This keeps the CSS variable --sc-masthead-bottom
 * (used by toasts.css) at the masthead's lower edge, following it when it changes size.
 */
export function keepToastsBelowMasthead(): void {
  const root = document.documentElement;
  const follow = (masthead: Element) => {
    const place = () =>
      root.style.setProperty("--sc-masthead-bottom", `${masthead.getBoundingClientRect().bottom}px`);
    place();
    new ResizeObserver(place).observe(masthead);
  };

  // the masthead is drawn by React after start-up: wait for it once, then stop watching the page
  const waiting = new MutationObserver(() => {
    const masthead = document.querySelector(".pf-v5-c-masthead");
    if (masthead) {
      waiting.disconnect();
      follow(masthead);
    }
  });
  waiting.observe(document.body, { childList: true, subtree: true });
}
