// Modal dialogs on the native <dialog>: focus moves in and is held there, Escape cancels, and focus
// returns to the control that opened it.
import { h, button } from './dom.js';
import { pushFlagTarget, popFlagTarget } from './flags.js';

/**
 * openDialog({ title, testid, body: [nodes], actions: [{ label, appearance, testid, onClick(close, busy) }],
 *              initialFocus: element }) → { close }.
 * An action's onClick may return a promise; its button shows busy meanwhile, and the dialog stays open on failure.
 */
export function openDialog({ title, testid, body, actions, initialFocus, width = 'medium' }) {
  const opener = document.activeElement;
  const flags = h('div', { class: 'flags dialog-flags', role: 'region', 'aria-label': 'Messages' });
  const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`;
  const footer = h('footer', { class: 'dialog-footer' });
  const dialog = h('dialog', { class: `dialog dialog-${width}`, 'aria-labelledby': titleId, 'data-testid': testid },
    h('header', { class: 'dialog-header' }, h('h2', { id: titleId }, title)),
    flags,
    h('div', { class: 'dialog-body' }, ...body),
    footer);

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    popFlagTarget(flags);
    if (dialog.open) dialog.close();
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  };
  dialog.addEventListener('close', close);
  dialog.addEventListener('cancel', (e) => { // Escape
    if (dialog.dataset.busy) e.preventDefault();
  });

  for (const action of actions) {
    const b = button(action.label, { appearance: action.appearance ?? 'subtle', testid: action.testid });
    b.addEventListener('click', async () => {
      if (dialog.dataset.busy) return;
      dialog.dataset.busy = 'true';
      for (const other of footer.querySelectorAll('button')) other.disabled = true;
      try {
        await action.onClick(close);
      } finally {
        delete dialog.dataset.busy;
        for (const other of footer.querySelectorAll('button')) other.disabled = false;
      }
    });
    footer.append(b);
  }

  document.body.append(dialog);
  pushFlagTarget(flags);
  dialog.showModal();
  (initialFocus ?? footer.querySelector('button'))?.focus();
  return { close, element: dialog };
}

/** A confirmation: `consequences` are said as a list; the confirming button names the action. */
export function confirmDialog({ title, intro, consequences, confirmLabel, confirmTestid, appearance = 'danger', onConfirm }) {
  const cancel = { label: 'Cancel', appearance: 'subtle', testid: 'dialog-cancel', onClick: (close) => close() };
  const confirm = {
    label: confirmLabel,
    appearance,
    testid: confirmTestid,
    onClick: async (close) => {
      if (await onConfirm()) close();
    },
  };
  const dialog = openDialog({
    title,
    testid: 'confirm-dialog',
    width: 'small',
    body: [
      intro ? h('p', {}, intro) : null,
      consequences?.length ? h('ul', { class: 'consequences' }, consequences.map((c) => h('li', {}, c))) : null,
    ],
    actions: [cancel, confirm],
  });
  // Cancel is the safe default for a destructive question.
  dialog.element.querySelector('[data-testid="dialog-cancel"]').focus();
  return dialog;
}
