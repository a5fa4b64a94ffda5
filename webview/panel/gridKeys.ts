/** What a key pressed on the list's grid asks for. */
export type GridKeyAction = { move: number } | { act: 'toggle' | 'open' | 'menu' | 'selectAll' };

/**
 * The grid's keys, as a list in VS Code answers them: arrows, Page Up/Down, Home and End move the
 * active row; Space ticks it; Enter opens it; Shift+F10 or the menu key shows its actions; Ctrl+A
 * selects every matching task. `page` is how many rows a page moves.
 */
export function gridKeyAction(e: KeyboardEvent, active: number, total: number, page: number): GridKeyAction | undefined {
  const move = (to: number) => ({ move: Math.max(0, Math.min(total - 1, to)) });
  switch (e.key) {
    case 'ArrowDown': return move(active + 1);
    case 'ArrowUp': return move(active - 1);
    case 'PageDown': return move(active + page);
    case 'PageUp': return move(active - page);
    case 'Home': return move(0);
    case 'End': return move(total - 1);
    case ' ': return { act: 'toggle' };
    case 'Enter': return { act: 'open' };
    case 'ContextMenu': return { act: 'menu' };
    case 'F10': return e.shiftKey ? { act: 'menu' } : undefined;
    case 'a': return e.ctrlKey || e.metaKey ? { act: 'selectAll' } : undefined;
    default: return undefined;
  }
}
