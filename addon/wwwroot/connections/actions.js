// What an admin can do to a connection on the public node: copy a valid invitation's code again, edit, revoke a
// pending invitation, deactivate/activate, delete. Each asks the admin API and then shows the list again.
import { h, button, formatDateTime } from './dom.js';
import { copyButton } from './copy.js';
import { openDialog, confirmDialog } from './dialogs.js';
import { projectPicker } from './projects.js';
import { showSuccess, clearFlags } from './flags.js';

const path = (c, rest = '') => `/connections/${encodeURIComponent(c.id)}${rest}`;

/** `first` (the Sync action, when the connection has one) leads the row's actions. */
export function rowActions(app, c, first = null) {
  const actions = [first, button('Edit', { appearance: 'subtle', testid: 'row-edit', onClick: () => editDialog(app, c), 'aria-label': `Edit ${c.name}` })];
  if (c.status === 'pending' && c.invitation?.status === 'valid')
    actions.push(button('Copy invitation code', { appearance: 'subtle', testid: 'row-copy-code', onClick: () => showCode(app, c), 'aria-label': `Copy the invitation code of ${c.name}` }));
  if (c.status === 'pending' && c.invitation?.status === 'valid')
    actions.push(button('Revoke', { appearance: 'subtle', testid: 'row-revoke', onClick: () => revoke(app, c), 'aria-label': `Revoke the invitation of ${c.name}`, title: 'Revoke the invitation: its code stops working' }));
  if (c.status === 'active')
    actions.push(button('Deactivate', { appearance: 'subtle', testid: 'row-deactivate', onClick: () => setActive(app, c, false), 'aria-label': `Deactivate ${c.name}`, title: 'Stop syncing; changes queue until you activate it again' }));
  if (c.status === 'deactivated')
    actions.push(button('Activate', { appearance: 'subtle', testid: 'row-activate', onClick: () => setActive(app, c, true), 'aria-label': `Activate ${c.name}` }));
  actions.push(button('Delete', { appearance: 'subtle', testid: 'row-delete', onClick: () => remove(app, c), 'aria-label': `Delete ${c.name}` }));
  return h('div', { class: 'row-actions' }, actions.filter(Boolean));
}

/** The code of a valid invitation again, as Initiate showed it; the server says why when it is no longer valid. */
async function showCode(app, c) {
  let answer;
  try {
    answer = await app.api.get(path(c, '/invitation'));
  } catch (error) {
    app.handleError(error);
    if (error?.code === 'invitation_not_valid') app.showList({ keepFlags: true });
    return;
  }
  const code = h('textarea', { id: 'row-invitation-code', class: 'text-field code', 'data-testid': 'invitation-code', readonly: true, rows: '5', spellcheck: 'false' });
  code.value = answer.invitationCode;
  const expires = answer.connection?.invitation?.expiresAt;
  openDialog({
    title: `Invitation code of “${c.name}”`,
    testid: 'invitation-dialog',
    initialFocus: code,
    body: [
      h('p', {}, 'Send it to your partner over a channel you trust: whoever holds it can connect to this project.',
        expires ? [' It expires on ', h('time', { datetime: expires }, formatDateTime(expires)), '.'] : ''),
      h('div', { class: 'field' }, h('label', { for: 'row-invitation-code', class: 'field-label' }, 'Invitation code'), code, copyButton(code)),
    ],
    actions: [{ label: 'Done', appearance: 'primary', testid: 'dialog-done', onClick: (close) => close() }],
  });
}

/** After a change: says what happened and shows the list as it is now. */
function changed(app, message) {
  clearFlags();
  showSuccess(message);
  app.showList({ keepFlags: true });
}

/** Runs an API call; on failure shows its message and answers false. */
async function attempt(app, call) {
  try {
    await call();
    return true;
  } catch (error) {
    app.handleError(error);
    return false;
  }
}

function editDialog(app, c) {
  const name = h('input', { id: 'edit-name', class: 'text-field', 'data-testid': 'edit-name', value: c.name, maxlength: '200', autocomplete: 'off' });
  const picker = projectPicker({
    api: app.api,
    prefix: 'edit-project',
    label: 'Project for incoming sync',
    hint: 'Issues your partner brings under sync are created here. Issues already in sync stay where they are.',
    selected: c.localProject,
    onError: (e) => app.handleError(e),
  });
  openDialog({
    title: `Edit “${c.name}”`,
    testid: 'edit-dialog',
    initialFocus: name,
    body: [h('div', { class: 'field' }, h('label', { for: 'edit-name', class: 'field-label' }, 'Name'), name), picker.element],
    actions: [
      { label: 'Cancel', testid: 'dialog-cancel', onClick: (close) => close() },
      {
        label: 'Save',
        appearance: 'primary',
        testid: 'edit-save',
        onClick: async (close) => {
          const changes = {};
          const newName = name.value.trim();
          if (newName && newName !== c.name) changes.name = newName;
          const project = picker.selected();
          if (project && project.id !== c.localProject?.id) changes.projectId = project.id;
          if (!newName) {
            app.handleError(new Error('A connection needs a name.'));
            return;
          }
          if (Object.keys(changes).length === 0) {
            close();
            return;
          }
          if (await attempt(app, () => app.api.patch(path(c), changes))) {
            close();
            changed(app, `Saved “${changes.name ?? c.name}”.`);
          }
        },
      },
    ],
  });
}

function revoke(app, c) {
  confirmDialog({
    title: 'Revoke the invitation?',
    intro: `The invitation code of “${c.name}” stops working at once.`,
    consequences: [
      'Your partner can no longer accept it.',
      'The connection stays in the list as Pending; delete it, or initiate a new connection to send a new code.',
    ],
    confirmLabel: 'Revoke',
    confirmTestid: 'revoke-confirm',
    onConfirm: async () => {
      const ok = await attempt(app, () => app.api.post(path(c, '/invitation/revoke')));
      if (ok) {
        changed(app, `The invitation of “${c.name}” is revoked.`);
      }
      return ok;
    },
  });
}

async function setActive(app, c, active) {
  if (await attempt(app, () => app.api.post(path(c, active ? '/activate' : '/deactivate')))) {
    changed(app, active
      ? `“${c.name}” is active again; the changes queued meanwhile will sync.`
      : `“${c.name}” is deactivated. Changes queue until you activate it again.`);
  }
}

function remove(app, c) {
  confirmDialog({
    title: `Delete “${c.name}”?`,
    intro: 'What happens when you delete this connection:',
    consequences: [
      c.status === 'pending' ? 'Its invitation code stops working.' : 'Your partner’s side stops syncing with this project.',
      'Issues already synced stay as they are, in both Jiras.',
      'Changes waiting in the queue, in either direction, are dropped.',
      'This cannot be undone.',
    ],
    confirmLabel: 'Delete',
    confirmTestid: 'delete-confirm',
    onConfirm: async () => {
      const ok = await attempt(app, () => app.api.delete(path(c)));
      if (ok) {
        changed(app, `“${c.name}” is deleted.`);
      }
      return ok;
    },
  });
}
