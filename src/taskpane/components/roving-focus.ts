/**
 * One Tab stop for a long list of buttons (a "roving tabindex", WAI-ARIA
 * Authoring Practices): the buttons inside `container` take tabindex -1
 * except the one last focused; ↑ ↓ Home End move between them. A 120-unit
 * findings list is then one Tab press to cross, not 120. Written here rather
 * than with Fluent's arrow-navigation group, whose focusable dummy elements
 * are aria-hidden (axe-core: aria-hidden-focus, "serious").
 */
import * as React from 'react';

const buttonsOf = (el: HTMLElement): HTMLElement[] =>
  [...el.querySelectorAll<HTMLElement>('button')].filter((b) => !b.hasAttribute('disabled'));

/** After each render: exactly one button of the list can be reached with Tab (the focused one, else the first). */
export function useRovingTabStop(container: React.RefObject<HTMLElement | null>): void {
  React.useEffect(() => {
    const el = container.current;
    if (!el) return;
    const buttons = buttonsOf(el);
    const current = buttons.find((b) => b === document.activeElement) ?? buttons.find((b) => b.dataset.rovingCurrent === 'true') ?? buttons[0];
    for (const b of buttons) {
      b.tabIndex = b === current ? 0 : -1;
      b.dataset.rovingCurrent = String(b === current);
    }
  });
}

/** ↑ ↓ Home End between the list's buttons; the one reached becomes the list's Tab stop. */
export function onRovingKey(e: React.KeyboardEvent<HTMLElement>): void {
  const keys: Record<string, (i: number, n: number) => number> = {
    ArrowDown: (i, n) => Math.min(i + 1, n - 1),
    ArrowUp: (i) => Math.max(i - 1, 0),
    Home: () => 0,
    End: (_i, n) => n - 1,
  };
  const move = keys[e.key];
  if (!move) return;
  const buttons = buttonsOf(e.currentTarget);
  const i = buttons.indexOf(document.activeElement as HTMLElement);
  if (i < 0 || buttons.length === 0) return;
  e.preventDefault();
  const next = buttons[move(i, buttons.length)];
  for (const b of buttons) {
    b.tabIndex = b === next ? 0 : -1;
    b.dataset.rovingCurrent = String(b === next);
  }
  next.focus();
}
