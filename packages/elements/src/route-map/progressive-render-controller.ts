import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RouteModel } from './route-model.js';

/** Routes with more occupations than this start with their later pathways collapsed (see `collapsedAtFirst`). */
export const COLLAPSE_THRESHOLD = 150;
/**
 * Routes with more occupations than this render their map a few clusters at a time; smaller ones all at once. Low:
 * a map's first tiles bring the first layout of its text and the first use of its templates, which on a phone make
 * even forty tiles a long task when they come with everything else.
 */
export const CHUNKED_THRESHOLD = 24;
/**
 * Occupations added per later task (whole clusters, one task a frame). Small, so that a part and the frame that lays
 * it out stay well under the 50 ms a long task starts at on a mid-range phone.
 */
const NEXT_TILES = 12;

/** How many clusters of the render order, from `from`, it takes to reach `tiles` more occupations (at least one). */
function clustersFor(model: RouteModel, from: number, tiles: number): number {
  const order = model.renderOrder;
  let count = from;
  let added = 0;
  while (count < order.length && (count === from || added < tiles)) added += order[count++]!.tiles.length;
  return count;
}

/** The top cluster of each band column of the first pathway: what a phone (one column) or a wide page (three side by side) shows first. */
const firstRow = (model: RouteModel): number => Math.max(1, model.pathways[0]?.columns.filter((column) => column.clusters.length > 0).length ?? 1);

/**
 * Renders the map of a route of more than `CHUNKED_THRESHOLD` occupations (Engineering and manufacturing has 368) a
 * few clusters at a time, in the model's render order: the headings and an empty box for every cluster in the render
 * that follows the data, the first row of clusters (the top of every band column) a frame later, the rest in later
 * tasks of about 12 occupations each, one a frame, so no task blocks a phone for long.
 * Every pathway and band heading is there from the first render, and a cluster still to come is an empty box of about
 * its size; the tiles follow within a few frames, and at once when a person moves through the map with the keyboard
 * (`complete()`), so every occupation stays reachable by keyboard, by find-in-page and by screen readers.
 */
export class ProgressiveRenderController implements ReactiveController {
  private model?: RouteModel;
  /** Clusters (of the render order) whose tiles are rendered. */
  private limit = Number.POSITIVE_INFINITY;
  private frame?: number;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** How many clusters of this model's render order have their tiles rendered now (all of them for small routes). */
  renderedClusters(model: RouteModel): number {
    if (model !== this.model) {
      this.model = model;
      // The render that follows the data draws the frame (headings, and an empty box for every cluster) with no
      // tile, so the data's task stays short; the first part, a frame later, is the first row of the first pathway.
      this.limit = model.tiles.length > CHUNKED_THRESHOLD ? 0 : Number.POSITIVE_INFINITY;
    }
    return this.limit;
  }

  /** The pathways a very large route starts with collapsed: all but the first (none on smaller routes). */
  collapsedAtFirst(model: RouteModel): string[] {
    return model.tiles.length > COLLAPSE_THRESHOLD ? model.pathways.slice(1).map((pathway) => pathway.key) : [];
  }

  /** Whether some clusters of the current route still wait for their tiles. */
  get pending(): boolean {
    return this.model !== undefined && this.limit < this.model.renderOrder.length;
  }

  /** Renders every cluster in the next update; true when that changes anything (the caller may update at once). */
  complete(): boolean {
    if (!this.pending) return false;
    this.limit = Number.POSITIVE_INFINITY;
    this.cancel();
    this.host.requestUpdate();
    return true;
  }

  hostUpdated(): void {
    if (!this.pending || this.frame !== undefined || this.timer !== undefined) return;
    // The next part waits for the next frame and then runs in a task of its own: the browser lays out and paints each
    // part before the next one (back-to-back tasks would leave it all to one long layout) and answers input between.
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (!this.pending) return;
        this.limit = this.limit === 0 ? firstRow(this.model!) : clustersFor(this.model!, this.limit, NEXT_TILES);
        this.host.requestUpdate();
      }, 0);
    });
  }

  hostDisconnected(): void {
    this.cancel();
  }

  hostConnected(): void {
    if (this.pending) this.host.requestUpdate();
  }

  private cancel(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.frame = undefined;
    this.timer = undefined;
  }
}
