import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RouteModel } from './route-model.js';

/** Routes with more occupations than this render their map a few pathways at a time; smaller ones all at once. */
export const PROGRESSIVE_THRESHOLD = 150;
/** Occupations in the first render (whole pathways, at least one): what is on screen first. */
const FIRST_TILES = 48;
/** Occupations added per later task (whole pathways, at least one). */
const NEXT_TILES = 160;

/** How many pathways, from `from`, it takes to reach `tiles` more occupations (at least one pathway). */
function pathwaysFor(model: RouteModel, from: number, tiles: number): number {
  let count = from;
  let added = 0;
  while (count < model.pathways.length && (count === from || added < tiles)) added += model.pathways[count++]!.tiles.length;
  return count;
}

/**
 * Renders the map of a very large route (Engineering and manufacturing has 368 occupations) a few pathways at a time:
 * the first pathways in the render that follows the data, the rest in later tasks of up to about 160 occupations
 * each, so no task blocks the page for long on a phone. Every pathway's heading and toggle is there from the first
 * render; the bodies follow within a few tasks, and at once when a person moves through the map with the keyboard
 * (`complete()`), so every occupation stays reachable by keyboard, by find-in-page and by screen readers.
 */
export class ProgressiveRenderController implements ReactiveController {
  private model?: RouteModel;
  /** Pathways whose bodies are rendered. */
  private limit = Number.POSITIVE_INFINITY;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** How many of this model's pathways have their bodies rendered now (all of them for small routes). */
  renderedPathways(model: RouteModel): number {
    if (model !== this.model) {
      this.model = model;
      this.limit = model.tiles.length > PROGRESSIVE_THRESHOLD ? pathwaysFor(model, 0, FIRST_TILES) : Number.POSITIVE_INFINITY;
    }
    return this.limit;
  }

  /** Whether some pathways of the current route still wait for their bodies. */
  get pending(): boolean {
    return this.model !== undefined && this.limit < this.model.pathways.length;
  }

  /** Renders every pathway in the next update; true when that changes anything (the caller may update at once). */
  complete(): boolean {
    if (!this.pending) return false;
    this.limit = Number.POSITIVE_INFINITY;
    this.cancel();
    this.host.requestUpdate();
    return true;
  }

  hostUpdated(): void {
    if (!this.pending || this.timer !== undefined) return;
    // A task of its own (not a microtask), so the browser can paint and answer input between the parts.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.pending) return;
      this.limit = pathwaysFor(this.model!, this.limit, NEXT_TILES);
      this.host.requestUpdate();
    }, 0);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  hostConnected(): void {
    if (this.pending) this.host.requestUpdate();
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
