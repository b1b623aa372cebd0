// Errors tab: each issue whose sync failed, why, how often, when it is tried again; Retry tries it now.
// A failing issue holds only its own later changes (DESIGN §7): the rest keeps syncing.
import { h, button, lozenge, time, formatPrecise, formatDue, isoFromMs } from './dom.js';
import { showSuccess } from './flags.js';

const DIRECTION = {
  out: ['Sending', 'new', (other) => `Reading this side’s issue or sending it to ${other} failed.`],
  in: ['Applying', 'moved', (other) => `Writing a change from ${other} into this Jira failed.`],
};

export function errorsView(ctx) {
  const list = h('div', { class: 'sync-list' }, h('p', { class: 'muted' }, 'Loading errors…'));
  return {
    element: h('div', {}, list),
    update(overview) {
      list.replaceChildren(overview.errors.length === 0
        ? h('div', { class: 'empty-state sync-empty', 'data-testid': 'errors-empty' },
          h('h3', {}, 'No errors'),
          h('p', {}, 'Every issue of this connection is syncing without failures.'))
        : h('div', { class: 'table-scroll' },
          h('table', { class: 'table', 'data-testid': 'errors-table' },
            h('thead', {}, h('tr', {},
              ['Direction', 'Issue', 'Message'].map((c) => h('th', { scope: 'col' }, c)),
              h('th', { scope: 'col', class: 'numeric' }, 'Tries'),
              ['First failure', 'Last failure', 'Next try'].map((c) => h('th', { scope: 'col' }, c)),
              h('th', { scope: 'col', class: 'actions' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
            h('tbody', {}, overview.errors.map((e) => row(ctx, e))))));
    },
  };
}

function row(ctx, e) {
  const [text, appearance, meaning] = DIRECTION[e.direction] ?? [e.direction, 'default', () => ''];
  const name = e.issueKey ?? e.issueRef;
  const next = isoFromMs(e.nextTryAtMs);
  return h('tr', { 'data-testid': 'error-row', 'data-direction': e.direction, 'data-issue-ref': e.issueRef, 'data-issue-key': e.issueKey ?? '',
    'data-tries': String(e.tries), 'data-next-try-at': next ?? '' },
  h('td', {}, lozenge(text, appearance, { 'data-testid': 'error-direction', title: meaning(ctx.other) })),
  h('td', { class: 'nowrap', 'data-testid': 'error-issue' }, h('strong', {}, name),
    e.direction === 'in' ? h('div', { class: 'small muted' }, `on ${ctx.other}`) : null),
  h('td', { class: 'cell-message', 'data-testid': 'error-message' }, e.message),
  h('td', { class: 'numeric', 'data-testid': 'error-tries' }, String(e.tries)),
  h('td', { class: 'nowrap' }, at(e.firstFailedAtMs)),
  h('td', { class: 'nowrap' }, at(e.lastFailedAtMs)),
  h('td', { class: 'nowrap', 'data-testid': 'error-next-try' }, next ? time(next, formatDue(next)) : ''),
  h('td', { class: 'cell-actions' }, button('Retry', { testid: 'error-retry', 'aria-label': `Retry ${name} now`, onClick: (ev) => retry(ctx, e, name, ev.currentTarget) })));
}

function at(ms) {
  const iso = isoFromMs(ms);
  return iso ? time(iso, formatPrecise(iso)) : '';
}

async function retry(ctx, e, name, b) {
  b.disabled = true;
  b.textContent = 'Retrying…';
  try {
    await ctx.app.api.post(ctx.path(`/errors/${encodeURIComponent(e.direction)}/${encodeURIComponent(e.issueRef)}/retry`));
    showSuccess(`Retrying ${name} now. It leaves this list once it syncs.`);
  } catch (error) {
    ctx.app.handleError(error);
  } finally {
    if (b.isConnected) {
      b.disabled = false;
      b.textContent = 'Retry';
    }
    await ctx.watch();
  }
}
