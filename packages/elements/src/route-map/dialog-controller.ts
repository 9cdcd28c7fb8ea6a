import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the dialog's elements have loaded: `''` not asked for yet, then `loading`, `ready` or `failed`. */
export type DialogElementsState = '' | 'loading' | 'ready' | 'failed';

/** What the map gives its dialog controller. */
export interface DialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface DialogActions {
  /** The loader of `<occupation-card>` and what it shows (the element's `loadDialogElements`), read at each open. */
  elementsLoader(): (() => Promise<unknown>) | undefined;
  /** Puts focus back on a map item by its `data-nav` key. */
  focusItem(key: string): void;
}

/**
 * The occupation dialog: which occupation's card it shows, loading the card's code on the first open, showing it
 * modally after the render, and returning focus to the tile (or the button) that opened it when it closes.
 */
export class DialogController implements ReactiveController {
  /** The occupation whose card is open; empty when the dialog is closed. */
  private openCode = '';
  private elementsState: DialogElementsState = '';
  /** Where focus goes back to when the dialog closes. */
  private returnFocusKey = '';
  private returnFocusElement?: HTMLElement;

  constructor(
    private readonly host: DialogHost,
    private readonly actions: DialogActions,
  ) {
    host.addController(this);
  }

  get code(): string {
    return this.openCode;
  }

  /** The state of the dialog's elements, for the loading line, the error and Retry. */
  get elements(): DialogElementsState {
    return this.elementsState;
  }

  get isOpen(): boolean {
    return Boolean(this.dialog?.open);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  /** After the render that put the occupation in the dialog, shows it modally. */
  hostUpdated(): void {
    const dialog = this.dialog;
    if (this.openCode && dialog && !dialog.open) {
      try {
        dialog.showModal();
      } catch {
        // A dialog that cannot be modal (the element is not in a document) is shown in place instead.
        dialog.show();
      }
    }
  }

  /** Opens an occupation's card; focus returns to `returnTo` (or its map item) when it closes. */
  open(code: string, returnTo?: HTMLElement): void {
    this.returnFocusElement = returnTo;
    this.returnFocusKey = returnTo?.dataset.nav ?? '';
    this.set(code);
    this.loadElements();
  }

  /** Loads the dialog's elements once (again after a failure); the dialog shows a loading line until they are ready. */
  loadElements(): void {
    if (this.elementsState === 'loading' || this.elementsState === 'ready') return;
    const load = this.actions.elementsLoader();
    if (!load || customElements.get('occupation-card')) {
      this.setElements('ready');
      return;
    }
    this.setElements('loading');
    load().then(
      () => this.setElements('ready'),
      () => this.setElements('failed'),
    );
  }

  close(): void {
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    else this.set('');
  }

  /** The dialog closed (Close, Escape or `close()`): focus goes back where it came from. */
  onClose(): void {
    // A close event is dispatched in a later task: when an occupation was opened in between, it is not this dialog's.
    if (this.dialog?.open) return;
    this.set('');
    const element = this.returnFocusElement;
    const key = this.returnFocusKey;
    this.returnFocusElement = undefined;
    void this.host.updateComplete.then(() => {
      if (key) this.actions.focusItem(key);
      else if (element?.isConnected) element.focus();
    });
  }

  /** The card moved to another occupation: on closing, focus goes to that occupation's tile. */
  returnTo(key: string): void {
    this.returnFocusKey = key;
  }

  private set(code: string): void {
    if (code === this.openCode) return;
    this.openCode = code;
    this.host.requestUpdate();
  }

  private setElements(state: DialogElementsState): void {
    this.elementsState = state;
    this.host.requestUpdate();
  }
}
