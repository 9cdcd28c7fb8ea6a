/**
 * What the route map's render modules are given: the route model, what the filters leave visible, the strings, and
 * the few facts and actions of the element they need. Each module takes this and returns a template, so the element
 * class only wires them together.
 */
import type { EmbedClient } from '@occupational-maps/core';
import type { FavouritesStore } from '../../shared/favourites.js';
import type { RouteMapStrings } from '../route-map.strings.js';
import type { RouteFilters, RouteModel, TileModel } from '../route-model.js';
import type { Course, CourseList } from '../../courses/course-list.js';
import type { CoursesState } from '../../courses/courses-controller.js';

export type RouteMapView = 'map' | 'list' | 'table';
export const VIEWS: readonly RouteMapView[] = ['map', 'list', 'table'];

/** How a tile relates to the selected occupation. */
export type Relation = 'selected' | 'leads-to' | 'comes-from';

/** The filters and view a person can change through the controls (the element's properties of the same names). */
export interface FilterValues {
  levels: string;
  status: string;
  products: string;
  search: string;
  pathway: string;
  view: RouteMapView;
  /** `only` shows just the occupations the college's course list reaches; '' shows all. */
  offered: string;
}

/** The element's behaviour the views call into. */
export interface RouteMapActions {
  /** Keydown, click and focusin on a view's container (the keyboard-navigation controller). */
  onNavKeydown: (event: KeyboardEvent) => void;
  onItemClick: (event: MouseEvent) => void;
  onFocusIn: (event: FocusEvent) => void;
  expandAll: () => void;
  /** Expands one pathway or cluster (find-in-page found something in it). */
  expand: (key: string) => void;
  collapseAll: (model: RouteModel) => void;
  changeFilter: (change: Partial<FilterValues>) => void;
  clearFilters: () => void;
  clearSelection: () => void;
  goToTile: (tile: TileModel) => void;
  /** Opens an occupation's card unless the host handles `om-occupation-select`; false when the host cancelled. */
  openOccupation: (code: string, title: string, returnTo?: HTMLElement) => boolean;
  closeDialog: () => void;
  onDialogClose: () => void;
  onCardSelect: (event: CustomEvent<{ code: string }>) => void;
}

export interface RouteViewModel {
  model: RouteModel;
  /** Per tile index: whether the filters leave it shown. */
  visible: readonly boolean[];
  filters: RouteFilters;
  values: FilterValues;
  text: RouteMapStrings;
  /** The host's string overrides, passed on to the elements the map shows. */
  strings: object;
  headingLevel: number;
  /** The item that holds the map's one tab stop in this render. */
  tabStop: string;
  selected: string;
  collapsed: ReadonlySet<string>;
  /** Clusters, in the model's render order, whose tiles the map view renders (on a route that renders in parts, the later ones follow in later tasks). */
  renderedClusters: number;
  /**
   * Changes identity exactly when something a tile shows changes (filters, selection, favourites, offered, strings,
   * links): a cluster whose tiles were rendered with the same token and tab stop is not rendered again.
   */
  tileState: object;
  relations: ReadonlyMap<string, readonly Relation[]>;
  /** The `favourites` attribute. */
  favourites: boolean;
  /** The favourite codes, read once per render; undefined when the map shows no favourites. */
  favouriteCodes?: ReadonlySet<string>;
  store?: FavouritesStore;
  /** The raw `occupation-href` template (tiles are links when it is set). */
  occupationHref: string;
  /** A safe link for an occupation from the template, or undefined. */
  hrefFor: (code: string) => string | undefined;
  actions: RouteMapActions;
  /** The occupations the college's course list reaches, with their courses; undefined without a usable list. */
  offered?: ReadonlyMap<string, readonly Course[]>;
  /** The course list's state (for the one notice when it cannot be used). */
  courses: CoursesState;
}

/** What the dialog needs besides the model: the open occupation and how its card loads. */
export interface DialogModel {
  code: string;
  apiBase: string | null;
  client?: EmbedClient;
  /** Whether the code of `<occupation-card>` has loaded (it loads on the first open). */
  elements: 'loading' | 'ready' | 'failed';
  /** Tries loading that code again after a failure. */
  retry: () => void;
  /** The course list, handed to the card so it need not load it again (`null`: none). */
  courses: CourseList | null;
}
