// The console admin's own account (private node only): change the password, or sign out everywhere. Both end
// the other console sessions on the server at once; the API says so, and so does the page.
import { h, button } from './dom.js';
import { openDialog, confirmDialog } from './dialogs.js';
import { showError, showSuccess } from './flags.js';

export function accountActions(app, onSignedOut) {
  return [
    button('Change password', { testid: 'change-password', onClick: () => changePassword(app) }),
    button('Sign out everywhere', { testid: 'sign-out-everywhere', onClick: () => signOutEverywhere(app, onSignedOut) }),
  ];
}

function passwordField(id, label, autocomplete) {
  const input = h('input', { id, class: 'text-field', type: 'password', autocomplete, 'data-testid': id, required: true });
  return { input, field: h('div', { class: 'field' }, h('label', { for: id, class: 'field-label' }, label), input) };
}

function changePassword(app) {
  const current = passwordField('password-current', 'Current password', 'current-password');
  const next = passwordField('password-new', 'New password (at least 12 characters)', 'new-password');
  const again = passwordField('password-again', 'New password again', 'new-password');
  openDialog({
    title: 'Change the console password',
    testid: 'change-password-dialog',
    width: 'small',
    initialFocus: current.input,
    body: [
      h('p', {}, 'Every other browser signed in to this console is signed out when the password changes.'),
      current.field, next.field, again.field,
    ],
    actions: [
      { label: 'Cancel', testid: 'dialog-cancel', onClick: (close) => close() },
      {
        label: 'Change password',
        appearance: 'primary',
        testid: 'password-submit',
        onClick: async (close) => {
          if (next.input.value !== again.input.value) {
            showError('The two new passwords are not the same.');
            again.input.focus();
            return;
          }
          try {
            await app.api.post('/password', { currentPassword: current.input.value, newPassword: next.input.value });
          } catch (error) {
            showError(error.message);
            return;
          }
          close();
          showSuccess('Password changed. Other browsers signed in to this console were signed out.');
        },
      },
    ],
  });
}

function signOutEverywhere(app, onSignedOut) {
  confirmDialog({
    title: 'Sign out everywhere?',
    intro: 'Every browser signed in to this console is signed out at once, this one included.',
    consequences: ['Connections and their sync are not affected.', 'Anyone who wants to use the console again logs in with the password.'],
    confirmLabel: 'Sign out everywhere',
    confirmTestid: 'sign-out-everywhere-confirm',
    appearance: 'primary',
    onConfirm: async () => {
      try {
        await app.api.post('/sessions/revoke');
      } catch (error) {
        showError(error.message);
        return false;
      }
      onSignedOut();
      return true;
    },
  });
}
