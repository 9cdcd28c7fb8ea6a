/** The dialog that holds an occupation's `<occupation-card>`. */
import { html, nothing } from 'lit';
import type { DialogModel, RouteViewModel } from './view-model.js';

export function renderDialog(vm: RouteViewModel, dialog: DialogModel) {
  const { model, text, actions } = vm;
  const code = dialog.code;
  const title = model.tilesByCode.get(code)?.[0]?.occupation.title ?? model.linked.get(code)?.title ?? code;
  return html`<dialog class="dialog" part="dialog" aria-label=${text.mapDialogLabel(title)} @close=${actions.onDialogClose}
    @om-occupation-select=${actions.onCardSelect}>
    <div class="dialog__bar">
      <span class="dialog__title">${text.mapDialogTitle}</span>
      <button type="button" class="om-button" @click=${actions.closeDialog}>${text.mapClose}</button>
    </div>
    ${code ? renderCard(vm, dialog) : nothing}
  </dialog>`;
}

/**
 * The card, with a loading line until its code has arrived (it loads on the first open) and a Retry when it could
 * not be loaded. The card element is in the dialog from the start, so it upgrades as soon as it is defined.
 */
function renderCard(vm: RouteViewModel, dialog: DialogModel) {
  const { text } = vm;
  if (dialog.elements === 'failed') {
    return html`<div class="dialog__state" part="error" role="alert">
      <p>${text.errorTitle}</p>
      <button type="button" class="om-button" @click=${dialog.retry}>${text.retry}</button>
    </div>`;
  }
  return html`${dialog.elements === 'loading' ? html`<p class="dialog__state" role="status">${text.loading}</p>` : nothing}
    <occupation-card code=${dialog.code} api-base=${dialog.apiBase ?? nothing} .client=${dialog.client} .strings=${vm.strings}
      heading-level="2" ?favourites=${vm.favourites} .courses=${dialog.courses} courses-first></occupation-card>`;
}
