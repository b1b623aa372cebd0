// Editing a trigger's JQL in a dialog: Jira checks it on Save, and its refusal shows under the field.
import { h } from './dom.js';
import { openDialog } from './dialogs.js';
import { showSuccess } from './flags.js';
import { refusedInline } from './sync-issues.js';

export function editDialog(ctx, t, path) {
  const field = h('textarea', { id: 'trigger-edit-jql', class: 'text-field code-field', 'data-testid': 'trigger-edit-jql', rows: '3', maxlength: '2000',
    spellcheck: 'false', 'aria-describedby': 'trigger-edit-error' }, t.jql);
  const problem = h('p', { class: 'field-error', id: 'trigger-edit-error', 'data-testid': 'trigger-edit-error', role: 'alert' });
  openDialog({
    title: 'Edit trigger',
    testid: 'trigger-edit-dialog',
    initialFocus: field,
    body: [h('div', { class: 'field' }, h('label', { for: 'trigger-edit-jql', class: 'field-label' }, 'JQL'), field, problem,
      h('p', { class: 'field-hint' }, 'Jira checks the query when you save. Issues already under sync stay under sync.'))],
    actions: [
      { label: 'Cancel', testid: 'dialog-cancel', onClick: (close) => close() },
      {
        label: 'Save',
        appearance: 'primary',
        testid: 'trigger-edit-save',
        onClick: async (close) => {
          problem.textContent = '';
          const jql = field.value.trim();
          if (jql === t.jql) return close();
          if (!jql) {
            problem.textContent = 'Enter a JQL query.';
            return undefined;
          }
          try {
            await ctx.app.api.patch(path, { jql });
          } catch (error) {
            refusedInline(ctx.app, error, problem);
            return undefined;
          }
          close();
          showSuccess('Trigger saved.');
          return ctx.refresh();
        },
      },
    ],
  });
}
