/**
 * Arrow-key movement between the map's focusable items (pathway toggles, cluster toggles, tiles) for one roving tab
 * stop. In the map view the items form columns (one per band) under each pathway: Up and Down move within a column
 * and on to the next pathway, Left and Right move to the nearest item of the neighbouring column. When the columns
 * are stacked (a narrow container), and in the list and table views, movement follows reading order.
 */
export interface NavItem {
  readonly element: HTMLElement;
  readonly key: string;
  /** The pathway the item belongs to. */
  readonly pathway: string;
  /** The band column index (0–2), or -1 for a pathway toggle. */
  readonly column: number;
}

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export const NAV_KEYS: ReadonlySet<string> = new Set<NavKey>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/** The items that can take focus now: those whose element is rendered (not inside a `hidden` or collapsed part). */
export function collectNavItems(root: ParentNode): NavItem[] {
  const items: NavItem[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('[data-nav]')) {
    // A collapsed part (hidden="until-found") is never laid out: skip it without asking for its geometry.
    if (element.closest('[hidden]') || element.getClientRects().length === 0) continue;
    items.push({
      element,
      key: element.dataset.nav!,
      pathway: element.closest<HTMLElement>('[data-pathway]')?.dataset.pathway ?? '',
      column: Number(element.closest<HTMLElement>('[data-column]')?.dataset.column ?? -1),
    });
  }
  return items;
}

const middle = (element: Element) => {
  const rect = element.getBoundingClientRect();
  return rect.top + rect.height / 2;
};

/** True when the pathway's columns sit one under another rather than side by side. */
function columnsStacked(items: readonly NavItem[], pathway: string): boolean {
  const columns = new Map<number, DOMRect>();
  for (const item of items) {
    if (item.pathway === pathway && item.column >= 0 && !columns.has(item.column)) {
      columns.set(item.column, item.element.closest('[data-column]')!.getBoundingClientRect());
    }
  }
  const rects = [...columns.values()];
  return rects.length > 1 && rects.every((rect, i) => i === 0 || rect.top >= rects[i - 1].bottom - 1);
}

/**
 * The item to move to from `currentKey` for `key`, or `undefined` to stay. `grid` is true for the map view, where
 * columns apply when they sit side by side. `preferredColumn` is the column the person last moved within, so going
 * down from one pathway into the next keeps to the same band.
 */
export function nextNavItem(items: readonly NavItem[], currentKey: string, key: NavKey, grid: boolean, preferredColumn = 0): NavItem | undefined {
  if (items.length === 0) return undefined;
  const index = items.findIndex((item) => item.key === currentKey);
  if (index < 0) return items[0];
  const current = items[index];
  if (key === 'Home') return items[0];
  if (key === 'End') return items[items.length - 1];
  const headers = items.filter((item) => item.column < 0);
  if (key === 'PageDown' || key === 'PageUp') {
    if (headers.length === 0) return undefined;
    const own = headers.findIndex((header) => header.pathway === current.pathway);
    if (key === 'PageUp' && current.column >= 0 && own >= 0) return headers[own];
    return headers[key === 'PageDown' ? own + 1 : own - 1];
  }
  const linear = !grid || headers.length === 0 || columnsStacked(items, current.pathway);
  if (linear) {
    const step = key === 'ArrowDown' || key === 'ArrowRight' ? 1 : -1;
    return items[index + step];
  }

  const inPathway = (pathway: string, column: number) => items.filter((item) => item.pathway === pathway && item.column === column);
  const columnsOf = (pathway: string) => [...new Set(items.filter((item) => item.pathway === pathway && item.column >= 0).map((item) => item.column))].sort();
  /** The column to enter a pathway by: the preferred one when it has items, else the nearest that has. */
  const entryColumn = (pathway: string) => {
    const columns = columnsOf(pathway);
    if (columns.length === 0) return undefined;
    return columns.reduce((best, column) => (Math.abs(column - preferredColumn) < Math.abs(best - preferredColumn) ? column : best));
  };
  const ownHeader = headers.findIndex((header) => header.pathway === current.pathway);

  if (current.column < 0) {
    if (key === 'ArrowDown') {
      const column = entryColumn(current.pathway);
      return column === undefined ? headers[ownHeader + 1] : inPathway(current.pathway, column)[0];
    }
    if (key === 'ArrowUp') {
      const previous = headers[ownHeader - 1];
      if (!previous) return undefined;
      const column = entryColumn(previous.pathway);
      return column === undefined ? previous : inPathway(previous.pathway, column).at(-1);
    }
    return undefined;
  }

  const column = inPathway(current.pathway, current.column);
  const at = column.indexOf(current);
  if (key === 'ArrowDown') return column[at + 1] ?? headers[ownHeader + 1];
  if (key === 'ArrowUp') return column[at - 1] ?? headers[ownHeader];
  const columns = columnsOf(current.pathway);
  const neighbour = columns[columns.indexOf(current.column) + (key === 'ArrowRight' ? 1 : -1)];
  if (neighbour === undefined) return undefined;
  const target = middle(current.element);
  return inPathway(current.pathway, neighbour).reduce((best, item) =>
    Math.abs(middle(item.element) - target) < Math.abs(middle(best.element) - target) ? item : best,
  );
}
