// Triggers tab: JQL queries whose matching issues are brought under sync when created or updated; each can be
// switched off, edited, deleted, or run over every issue that already matches ("Sync all", Exalate's word for it).
import { h, button, lozenge, time, formatDateTime, formatCount, isoFromMs } from './dom.js';
import { confirmDialog } from './dialogs.js';
import { showSuccess } from './flags.js';
import { refusedInline } from './sync-issues.js';
import { editDialog } from './sync-trigger-edit.js';

const MAX_TRIGGERS = 20; // Sync/README.md: at most 20 per connection

export function triggersView(ctx) {
  const { app, connection, jira } = ctx;
  const busy = new Set(); // triggers with a call on its way: their controls stay disabled across refreshes
  let last = null;
  let adding = false;

  const jql = h('input', { id: 'trigger-jql', class: 'text-field code-field', 'data-testid': 'trigger-jql', maxlength: '2000',
    placeholder: `project = ${connection.localProject?.key ?? 'ACME'} AND labels = partner`, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'trigger-hint trigger-jql-error' });
  const add = button('Add trigger', { appearance: 'primary', testid: 'trigger-add', type: 'submit' });
  const problem = h('p', { class: 'field-error', id: 'trigger-jql-error', 'data-testid': 'trigger-jql-error', role: 'alert' });
  const form = h('form', { class: 'sync-form', 'data-testid': 'trigger-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'trigger-jql', class: 'field-label' }, 'JQL'),
      h('div', { class: 'inline-field' }, jql, add),
      problem,
      h('p', { class: 'field-hint', id: 'trigger-hint' },
        `Issues ${jira ? 'of this Jira' : `of project ${connection.localProject?.key}`} that match are brought under sync with ${ctx.other} when they are created or updated. `,
        `Jira checks the query when you add it; ORDER BY is not allowed. At most ${MAX_TRIGGERS} triggers.`)));
  const list = h('div', { class: 'sync-list' }, h('p', { class: 'muted' }, 'Loading triggers…'));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.textContent = '';
    const query = jql.value.trim();
    if (!query) {
      problem.textContent = 'Enter a JQL query, such as the example shown.';
      jql.focus();
      return;
    }
    adding = true;
    add.disabled = true;
    add.textContent = 'Checking with Jira…';
    try {
      await app.api.post(ctx.path('/triggers'), { jql: query });
      jql.value = '';
      showSuccess('Trigger added. Issues that match it sync when they are created or updated; use “Sync all” for those that already match.');
      ctx.refresh();
    } catch (error) {
      refusedInline(app, error, problem);
      jql.focus();
    } finally {
      adding = false;
      add.disabled = (last?.triggers.length ?? 0) >= MAX_TRIGGERS;
      add.textContent = 'Add trigger';
    }
  });

  /** Runs one call for a trigger, keeping its controls disabled meanwhile; refreshes after. */
  async function act(trigger, call, success) {
    busy.add(trigger.id);
    render();
    try {
      await call();
      if (success) showSuccess(success);
    } catch (error) {
      app.handleError(error);
    } finally {
      busy.delete(trigger.id);
      await ctx.watch();
    }
  }

  const path = (t, rest = '') => ctx.path(`/triggers/${encodeURIComponent(t.id)}${rest}`);

  const actions = {
    toggle: (t, active) => act(t, () => app.api.patch(path(t), { active }),
      active ? 'Trigger switched on.' : 'Trigger switched off: matching issues are no longer brought under sync by it.'),
    bulk: (t) => confirmDialog({
      title: 'Sync all issues that match this trigger?',
      intro: `Every issue that matches ${t.jql} now is brought under sync and sent to ${ctx.other}, in the background.`,
      consequences: [
        'A twin is created on the other side for each issue that does not have one yet; this can be many.',
        'Issues already under sync are not duplicated.',
        'Progress shows on the trigger.',
      ],
      confirmLabel: 'Sync all',
      confirmTestid: 'bulk-confirm',
      appearance: 'primary',
      onConfirm: async () => {
        await act(t, () => app.api.post(path(t, '/bulk')));
        return true;
      },
    }),
    edit: (t) => editDialog(ctx, t, path(t)),
    remove: (t) => confirmDialog({
      title: 'Delete this trigger?',
      intro: t.jql,
      consequences: [
        'Issues that match it are no longer brought under sync when they are created or updated.',
        'Issues it already brought under sync stay under sync; stop them on the Issues tab.',
      ],
      confirmLabel: 'Delete',
      confirmTestid: 'trigger-delete-confirm',
      onConfirm: async () => {
        try {
          await app.api.delete(path(t));
        } catch (error) {
          app.handleError(error);
          return false;
        }
        showSuccess('Trigger deleted.');
        ctx.refresh();
        return true;
      },
    }),
  };

  function render() {
    if (!last) return;
    const triggers = last.triggers;
    list.replaceChildren(triggers.length === 0
      ? h('div', { class: 'empty-state sync-empty', 'data-testid': 'triggers-empty' },
        h('h3', {}, 'No triggers yet'),
        h('p', {}, 'Add a JQL query above: issues that match are synced without anyone pressing Exalate.'))
      : h('div', { class: 'table-scroll' },
        h('table', { class: 'table', 'data-testid': 'triggers-table' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, 'JQL'),
            h('th', { scope: 'col' }, 'Active'),
            h('th', { scope: 'col' }, 'Last “Sync all”'),
            h('th', { scope: 'col', class: 'actions' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
          h('tbody', {}, triggers.map((t) => row(t, busy.has(t.id), actions))))));
  }

  return {
    element: h('div', {}, form, list),
    update(overview) {
      last = overview;
      render();
      const full = overview.triggers.length >= MAX_TRIGGERS;
      add.disabled = full || adding;
      add.title = full ? `A connection has at most ${MAX_TRIGGERS} triggers.` : '';
    },
  };
}

function row(t, busy, actions) {
  const toggle = h('input', { type: 'checkbox', role: 'switch', class: 'toggle-input', 'data-testid': 'trigger-active', checked: t.active,
    disabled: busy, 'aria-label': `Trigger active: ${t.jql}`, onchange: (e) => actions.toggle(t, e.currentTarget.checked) });
  return h('tr', { 'data-testid': 'trigger-row', 'data-trigger-id': t.id, 'data-active': String(t.active) },
    h('td', { class: 'cell-jql' }, h('code', { class: 'jql', 'data-testid': 'trigger-jql-text' }, t.jql)),
    h('td', { class: 'nowrap' }, h('label', { class: 'toggle' }, toggle, h('span', { class: 'toggle-track', 'aria-hidden': 'true' }),
      h('span', { class: 'toggle-text' }, t.active ? 'On' : 'Off'))),
    h('td', { class: 'cell-bulk' }, bulkStatus(t)),
    h('td', { class: 'cell-actions' }, h('div', { class: 'row-actions' },
      button(t.bulkRunning ? 'Syncing…' : 'Sync all', { testid: 'trigger-bulk', disabled: busy || t.bulkRunning, onClick: () => actions.bulk(t),
        title: 'Bring every issue that matches now under sync' }),
      button('Edit', { appearance: 'subtle', testid: 'trigger-edit', disabled: busy, 'aria-label': `Edit the trigger ${t.jql}`, onClick: () => actions.edit(t) }),
      button('Delete', { appearance: 'subtle', testid: 'trigger-delete', disabled: busy, 'aria-label': `Delete the trigger ${t.jql}`, onClick: () => actions.remove(t) }))));
}

/** The last bulk run: running (with progress), finished (with how many matched), failed, cut off, or never. */
function bulkStatus(t) {
  const matched = `${formatCount(t.bulkMatched ?? 0)} ${t.bulkMatched === 1 ? 'issue' : 'issues'} matched`;
  const finished = isoFromMs(t.bulkFinishedAtMs);
  const cell = (state, ...content) => h('div', { 'data-testid': 'trigger-bulk-status', 'data-state': state, 'data-matched': t.bulkMatched ?? '' }, ...content);
  if (t.bulkRunning)
    return cell('running', lozenge('Running', 'inprogress'), h('div', { class: 'small' }, `${matched} so far`));
  if (t.bulkError)
    return cell('failed', lozenge('Failed', 'removed'), h('div', { class: 'small status-reason' }, t.bulkError),
      h('div', { class: 'small muted' }, matched, finished ? [' · ', time(finished, formatDateTime(finished))] : null));
  if (finished)
    return cell('finished', lozenge('Finished', 'success'), h('div', { class: 'small' }, matched, ' · ', time(finished, formatDateTime(finished))));
  if (t.bulkStartedAtMs)
    return cell('interrupted', lozenge('Interrupted', 'moved'), h('div', { class: 'small muted' }, `${matched}; it starts again when the node restarts, or run it again.`));
  return cell('never', h('span', { class: 'muted' }, 'Never run'));
}
