// Issues tab: the issues under sync in this connection, the Exalate action by issue key, and Stop syncing.
import { h, replace, button, lozenge, time, formatRelative, isoFromMs } from './dom.js';
import { confirmDialog } from './dialogs.js';
import { showSuccess, retireFlags } from './flags.js';

const STATUS = {
  synced: ['Synced', 'success', 'Both issues hold the same synced fields.'],
  pending: ['Pending', 'inprogress', 'On its way: the other side has not created or updated its twin yet.'],
  stopped: ['Stopped', 'default', 'Not synced any more; both issues stay.'],
};

const BROUGHT_BY = { action: 'Exalate action', trigger: 'Trigger', bulk: 'Sync all (trigger)', peer: 'The other side' };

export function issuesView(ctx) {
  const { app, connection, jira } = ctx;
  const key = connection.localProject?.key ?? 'ACME';
  const input = h('input', { id: 'exalate-issue-key', class: 'text-field', 'data-testid': 'exalate-issue-key', placeholder: `${key}-123`,
    maxlength: '100', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'exalate-hint exalate-error' });
  const submit = button('Exalate', { appearance: 'primary', testid: 'exalate-submit', type: 'submit' });
  const problem = h('p', { class: 'field-error', id: 'exalate-error', 'data-testid': 'exalate-error', role: 'alert' });
  const form = h('form', { class: 'sync-form', 'data-testid': 'exalate-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'exalate-issue-key', class: 'field-label' }, 'Issue key'),
      h('div', { class: 'inline-field' }, input, submit),
      problem,
      h('p', { class: 'field-hint', id: 'exalate-hint' }, jira
        ? `Brings an issue of this Jira under sync and sends it to ${ctx.other} now.`
        : `Brings an issue of project ${key} under sync and sends it to ${ctx.other} now.`)));
  const list = h('div', { class: 'sync-list' }, h('p', { class: 'muted' }, 'Loading issues…'));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const issue = input.value.trim();
    problem.textContent = '';
    if (!issue) {
      problem.textContent = `Enter the key of an issue, such as ${key}-123.`;
      input.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Exalating…';
    try {
      await app.api.post(ctx.path('/issues'), { issue });
      input.value = '';
      showSuccess(`${issue.toUpperCase()} is under sync; it is on its way to ${ctx.other}.`, { subject: issue.toUpperCase() });
      ctx.watch();
    } catch (error) {
      refusedInline(app, error, problem);
      input.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Exalate';
    }
  });

  return {
    element: h('div', {}, form, list),
    update(overview) {
      replace(list, overview.issues.length === 0 ? empty(ctx) : table(ctx, overview.issues));
      // "On its way" is out of date once the row says Synced.
      for (const issue of overview.issues) if (issue.status === 'synced' && issue.issueKey) retireFlags(issue.issueKey.toUpperCase());
    },
  };
}

/** A 4xx that is about what was typed (Jira's refusal, an unknown issue) shows under the field; the rest as usual. */
export function refusedInline(app, error, where) {
  const aboutTheInput = error?.status >= 400 && error.status < 500 && error.status !== 401 && error.code !== 'not_jira_admin';
  if (aboutTheInput) where.textContent = error.message;
  else app.handleError(error);
}

function empty(ctx) {
  return h('div', { class: 'empty-state sync-empty', 'data-testid': 'issues-empty' },
    h('h3', {}, 'No issues are synced yet'),
    h('p', {}, `Exalate an issue by its key above, or add a trigger so that matching issues sync with ${ctx.other}.`));
}

function table(ctx, issues) {
  return [
    h('div', { class: 'table-scroll' },
      h('table', { class: 'table', 'data-testid': 'synced-issues-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Issue'),
          h('th', { scope: 'col' }, `Twin on ${ctx.other}`),
          h('th', { scope: 'col' }, 'Status'),
          h('th', { scope: 'col' }, 'Brought by'),
          h('th', { scope: 'col' }, 'Updated'),
          h('th', { scope: 'col', class: 'actions' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
        h('tbody', {}, issues.map((issue) => row(ctx, issue))))),
    issues.length >= 200 ? h('p', { class: 'muted small' }, 'Showing the 200 most recently updated issues.') : null,
  ];
}

function row(ctx, issue) {
  const [text, appearance, meaning] = STATUS[issue.status] ?? [issue.status, 'default', ''];
  const updated = isoFromMs(issue.updatedAtMs);
  const name = issue.issueKey ?? issue.issueId;
  return h('tr', { 'data-testid': 'synced-issue-row', 'data-issue-key': issue.issueKey ?? '', 'data-issue-id': issue.issueId ?? '', 'data-status': issue.status },
    h('td', { class: 'nowrap', 'data-testid': 'synced-issue-key' }, localIssue(ctx, issue)),
    h('td', { class: 'nowrap', 'data-testid': 'twin' }, twin(issue)),
    h('td', { class: 'cell-status' },
      lozenge(text, appearance, { 'data-testid': 'sync-status', title: meaning }),
      issue.status === 'stopped' && issue.stoppedReason ? h('div', { class: 'small status-reason', 'data-testid': 'stopped-reason' }, issue.stoppedReason) : null),
    h('td', {}, BROUGHT_BY[issue.broughtBy] ?? issue.broughtBy),
    h('td', { class: 'nowrap' }, updated ? time(updated, formatRelative(updated)) : ''),
    h('td', { class: 'cell-actions' }, name ? h('div', { class: 'row-actions' }, issueAction(ctx, issue, name)) : null));
}

function localIssue(ctx, issue) {
  if (issue.issueKey) {
    const site = ctx.jira ? ctx.app.config.site : null;
    return site
      ? h('a', { href: `${site}/browse/${encodeURIComponent(issue.issueKey)}`, target: '_blank', rel: 'noopener noreferrer' }, h('strong', {}, issue.issueKey))
      : h('strong', {}, issue.issueKey);
  }
  // Known by its id only (the sync has not recorded its key), or not created here yet.
  if (issue.issueId) return [h('strong', {}, issue.issueId), h('div', { class: 'small muted' }, 'issue id')];
  return h('span', { class: 'muted' }, 'being created');
}

function twin(issue) {
  if (!issue.twinKey) return h('span', { class: 'muted' }, issue.status === 'stopped' ? '—' : 'not created yet');
  // The link comes from the other side: only web addresses become links.
  const safe = /^https?:\/\//i.test(issue.twinUrl ?? '');
  return safe
    ? h('a', { href: issue.twinUrl, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'twin-link', title: `Open ${issue.twinKey} in a new tab` }, issue.twinKey)
    : h('span', { 'data-testid': 'twin-link' }, issue.twinKey);
}

function issueAction(ctx, issue, name) {
  if (issue.status === 'stopped') {
    return button('Sync again', { appearance: 'subtle', testid: 'resume-syncing', 'aria-label': `Sync ${name} again`,
      title: 'Bring it under sync again; it resumes with the same twin', onClick: (e) => resume(ctx, name, e.currentTarget) });
  }
  return button('Stop syncing', { appearance: 'subtle', testid: 'stop-syncing', 'aria-label': `Stop syncing ${name}`, onClick: () => stop(ctx, issue, name) });
}

async function resume(ctx, name, b) {
  b.disabled = true;
  try {
    await ctx.app.api.post(ctx.path('/issues'), { issue: name });
    showSuccess(`${name} is under sync again.`);
    ctx.watch();
  } catch (error) {
    ctx.app.handleError(error);
    b.disabled = false;
  }
}

function stop(ctx, issue, name) {
  const pair = issue.twinKey ? `${name} and its twin ${issue.twinKey}` : name;
  confirmDialog({
    title: `Stop syncing ${name}?`,
    intro: `${pair} ${issue.twinKey ? 'stop' : 'stops'} syncing, here and on ${ctx.other}.`,
    consequences: [
      issue.twinKey ? 'Both issues stay, with everything they hold now.' : 'The issue stays, with everything it holds now.',
      'Later edits stay on their own side: neither issue is updated from the other any more.',
      'You can bring it under sync again later; it resumes with the same twin.',
    ],
    confirmLabel: 'Stop syncing',
    confirmTestid: 'stop-syncing-confirm',
    appearance: 'warning',
    onConfirm: async () => {
      try {
        await ctx.app.api.delete(ctx.path(`/issues/${encodeURIComponent(name)}`));
      } catch (error) {
        ctx.app.handleError(error);
        return false;
      }
      showSuccess(`${name} is no longer synced. Both issues stay as they are.`);
      ctx.watch();
      return true;
    },
  });
}
