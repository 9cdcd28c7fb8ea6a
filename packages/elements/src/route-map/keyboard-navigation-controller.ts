import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { collectNavItems, NAV_KEYS, nextNavItem, type NavKey } from './map-navigation.js';
import type { RouteModel, TileModel } from './route-model.js';
import type { RouteMapView } from './views/view-model.js';

/** What the map gives its keyboard-navigation controller. */
export interface KeyboardNavigationHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly view: RouteMapView;
  readonly selected: string;
  readonly favourites: boolean;
}

/** The map's actions the keys lead to. */
export interface KeyboardNavigationActions {
  /** Whether the occupation dialog is open (Escape then belongs to the dialog). */
  dialogOpen(): boolean;
  clearSelection(): void;
  toggleFavourite(code: string): void;
}

/**
 * The roving tab stop of the map, list and table views: one tab stop leads in; arrow keys, Home and End, Page Up and
 * Page Down move between tiles and group toggles (see map-navigation.ts); Escape clears the selection; with
 * `favourites`, F adds or removes the focused occupation.
 */
export class KeyboardNavigationController implements ReactiveController {
  private active = '';
  /** The column the person last moved in, so moving into the next pathway keeps to the same band. */
  private preferredColumn = 0;

  constructor(
    private readonly host: KeyboardNavigationHost,
    private readonly actions: KeyboardNavigationActions,
  ) {
    host.addController(this);
  }

  /** A map put back in the page starts moving from its first band again. */
  hostDisconnected(): void {
    this.preferredColumn = 0;
  }

  /** The item that last held the tab stop (a tile's or a toggle's `data-nav` key). */
  get activeKey(): string {
    return this.active;
  }

  set activeKey(key: string) {
    if (key === this.active) return;
    this.active = key;
    this.host.requestUpdate();
  }

  /** Keeps the tab stop on something that is shown: the first item when the active one was filtered or collapsed away. */
  tabStop(model: RouteModel, visible: readonly boolean[], collapsed: ReadonlySet<string>): string {
    const map = this.host.view === 'map';
    const tileVisible = (tile: TileModel) => visible[tile.index] && (!map || (!collapsed.has(tile.pathway.key) && !collapsed.has(tile.cluster.key)));
    const active = this.active;
    if (active) {
      const tile = model.tiles.find((candidate) => candidate.key === active);
      if (tile ? tileVisible(tile) : map && toggleShown(model, visible, collapsed, active)) return active;
    }
    const firstTile = model.tiles.find(tileVisible);
    const firstToggle = map ? model.pathways.find((pathway) => pathway.tiles.some((tile) => visible[tile.index]))?.key : undefined;
    return firstToggle ?? firstTile?.key ?? '';
  }

  /** Moves the tab stop and focus to an item, when it is rendered. */
  focusItem(key: string): void {
    const element = this.host.renderRoot.querySelector<HTMLElement>(`[data-nav="${CSS.escape(key)}"]`);
    if (element) {
      this.activeKey = key;
      element.tabIndex = 0;
      element.focus();
    }
  }

  onFocusIn = (event: FocusEvent): void => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (item && item.dataset.nav !== this.active) this.activeKey = item.dataset.nav!;
  };

  onKeydown = (event: KeyboardEvent): void => {
    const host = this.host;
    if (event.key === 'Escape' && host.selected && !this.actions.dialogOpen()) {
      event.preventDefault();
      this.actions.clearSelection();
      return;
    }
    if ((event.key === 'f' || event.key === 'F') && host.favourites && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const occupation = (event.target as HTMLElement).closest<HTMLElement>('[data-code]');
      if (!occupation) return;
      event.preventDefault();
      if (!event.repeat) this.actions.toggleFavourite(occupation.dataset.code!); // holding F must not flicker it on and off
      return;
    }
    if (!NAV_KEYS.has(event.key) || event.altKey || event.metaKey) return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (!current) return;
    const container = event.currentTarget as HTMLElement;
    const next = nextNavItem(collectNavItems(container), current.dataset.nav!, event.key as NavKey, host.view === 'map', this.preferredColumn);
    event.preventDefault();
    if (!next) return;
    if (next.column >= 0) this.preferredColumn = next.column;
    this.activeKey = next.key;
    next.element.tabIndex = 0;
    next.element.focus();
  };
}

/** Whether a pathway or cluster toggle is shown: its pathway has shown tiles and (for a cluster) is expanded. */
function toggleShown(model: RouteModel, visible: readonly boolean[], collapsed: ReadonlySet<string>, key: string): boolean {
  for (const pathway of model.pathways) {
    const pathwayShown = pathway.tiles.some((tile) => visible[tile.index]);
    if (pathway.key === key) return pathwayShown;
    for (const { clusters } of pathway.columns) {
      for (const cluster of clusters) {
        if (cluster.key === key) return pathwayShown && !collapsed.has(pathway.key) && cluster.tiles.some((tile) => visible[tile.index]);
      }
    }
  }
  return false;
}
