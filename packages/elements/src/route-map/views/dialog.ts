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
    ${code
      ? html`<occupation-card code=${code} api-base=${dialog.apiBase ?? nothing} .client=${dialog.client} .strings=${vm.strings}
          heading-level="2" ?favourites=${vm.favourites}></occupation-card>`
      : nothing}
  </dialog>`;
}
