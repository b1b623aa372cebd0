// The issue glance's panel: this issue's sync state in each connection of the site and, for people who may edit
// the issue, the Exalate action and Stop syncing. The server checks every call; the page only leaves out the
// buttons that the user may not use (canExalate), so there is never a control that cannot work.
import { h, button, lozenge, time, formatRelative, focus } from '../connections/dom.js';
import { createApi } from '../connections/api.js';
import { showError, showSuccess, clearFlags } from '../connections/flags.js';
import { readConfig } from '../connections/config.js';

const config = await readConfig();
const view = document.getElementById('view');
const api = config.apiBase ? createApi(config) : null;
const issue = config.issueKey || 'This issue';

const STATES = {
  synced: ['Synced', 'success'],
  pending: ['Pending', 'inprogress'],
  error: ['Error', 'removed'],
  stopped: ['Stopped', 'moved'],
  'not synced': ['Not synced', 'default'],
};
const UNDER_SYNC = new Set(['synced', 'pending', 'error']);
const CAN_START = new Set(['not synced', 'stopped']);

// A pending state resolves by itself once the other side has made its twin: look again, less often as time goes
// by, and give up after a while (the panel then says how to refresh).
const REFRESH_FIRST_MS = 1500;
const REFRESH_LONGEST_MS = 15000;
const REFRESH_FOR_MS = 5 * 60 * 1000;

let loads = 0;
let refreshTimer = null;
let refreshDelay = REFRESH_FIRST_MS;
let pendingSince = null;
let busy = false;

const path = (connectionId) => `/exalate/${encodeURIComponent(connectionId)}`;

async function load() {
  const mine = ++loads;
  clearTimeout(refreshTimer);
  view.setAttribute('aria-busy', 'true');
  try {
    const status = await api.get('/sync');
    if (mine !== loads) return;
    render(status);
    scheduleRefresh(status);
  } catch (error) {
    if (mine !== loads) return;
    failed(error);
  } finally {
    if (mine === loads) view.removeAttribute('aria-busy');
  }
}

function render(status) {
  const connections = status?.connections ?? [];
  if (connections.length === 0) {
    view.replaceChildren(h('section', { class: 'empty-state', 'data-testid': 'empty-state' },
      h('h3', {}, 'No connections yet'),
      h('p', {}, `${issue} can be synced once a Jira administrator connects this site to a partner’s Jira (Apps → ${config.appName} → Connections).`)));
    return;
  }
  const list = h('ul', { class: 'sync-list', 'data-testid': 'sync-connections' }, connections.map((c) => item(c, status.canExalate)));
  view.replaceChildren(...[list, status.canExalate ? exalateActions(connections) : readOnlyNote()].filter(Boolean));
}

function item(c, canExalate) {
  const [text, appearance] = STATES[c.state] ?? [c.state, 'default'];
  const li = h('li', { class: 'sync-item', 'data-testid': 'sync-connection', 'data-connection-id': c.id, 'data-state': c.state },
    h('div', { class: 'sync-head' },
      h('span', { class: 'sync-name' }, c.name),
      lozenge(text, appearance, { 'data-testid': 'sync-state', title: stateTitle(c) })),
    h('div', { class: 'sync-other', 'data-testid': 'other-side' }, otherSide(c)),
    connectionNote(c),
    twin(c),
    stopped(c),
    failure(c));
  if (canExalate && UNDER_SYNC.has(c.state)) {
    li.append(h('div', { class: 'sync-actions' },
      button('Stop syncing', { appearance: 'default', testid: 'stop-syncing', 'aria-label': `Stop syncing ${issue} in ${c.name}`,
        onClick: (event) => confirmStop(li, c, event.currentTarget) })));
  }
  return li;
}

function stateTitle(c) {
  return {
    synced: 'Changes travel both ways',
    pending: 'Waiting for the other side',
    error: 'The last change did not go through; it is retried on its own',
    stopped: 'Changes no longer travel; both issues stay',
    'not synced': 'Not brought under sync in this connection',
  }[c.state];
}

function otherSide(c) {
  const o = c.otherSide;
  if (!o?.name) return h('span', { class: 'unknown' }, 'with an unknown partner');
  const project = o.projectKey ? ` · ${o.projectName ? `${o.projectName} (${o.projectKey})` : o.projectKey}` : '';
  return `with ${o.name}${project}`;
}

function connectionNote(c) {
  if (c.status === 'active') return null;
  const note = c.status === 'deactivated'
    ? 'The connection is deactivated: changes wait until an administrator activates it again.'
    : `The connection has a problem${c.statusReason ? `: ${c.statusReason}` : '.'}`;
  return h('div', { class: 'sync-note', 'data-testid': 'connection-note' }, note);
}

function twin(c) {
  if (c.twinKey) {
    const key = c.twinUrl
      ? h('a', { href: c.twinUrl, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'twin-link', title: `Open ${c.twinKey} in the partner’s Jira (new tab)` },
        c.twinKey, h('span', { class: 'external', 'aria-hidden': 'true' }, ' ↗'))
      : h('strong', { 'data-testid': 'twin-key' }, c.twinKey);
    return h('div', { class: 'sync-detail sync-twin' }, 'Twin: ', key);
  }
  if (c.state === 'pending') return h('div', { class: 'sync-note' }, 'Waiting for the other side to create its twin.');
  return null;
}

function stopped(c) {
  if (c.state !== 'stopped') return null;
  return h('div', { class: 'sync-note', 'data-testid': 'stopped-reason' },
    'Stopped', c.stoppedAt ? [' ', time(c.stoppedAt, formatRelative(c.stoppedAt))] : null,
    c.stoppedReason ? `: ${c.stoppedReason}` : '.', ' Both issues stay.');
}

function failure(c) {
  const e = c.error;
  if (c.state !== 'error' || !e) return null;
  const what = e.direction === 'in' ? 'Applying the partner’s change failed' : 'Sending this issue failed';
  return h('div', { class: 'sync-error', 'data-testid': 'sync-error', role: 'note' },
    h('div', {}, h('strong', {}, `${what}: `), e.message),
    h('div', {}, time(e.failedAt, `${formatRelative(e.failedAt)}`),
      e.tries > 1 ? ` · ${e.tries} tries` : null, ' · retried automatically'));
}

function readOnlyNote() {
  return h('p', { class: 'sync-note', 'data-testid': 'read-only-note' },
    'You can see the sync status. Bringing this issue under sync or stopping it needs permission to edit the issue.');
}

// One connection to choose from: the button acts at once. Several: it opens a chooser of them.
function exalateActions(connections) {
  const candidates = connections.filter((c) => CAN_START.has(c.state));
  if (candidates.length === 0) return null;
  const area = h('div', { class: 'glance-actions' });
  const single = candidates.length === 1 ? candidates[0] : null;
  const exalate = button('Exalate', {
    appearance: 'primary',
    testid: 'exalate',
    title: single ? `Bring ${issue} under sync in ${single.name}` : `Bring ${issue} under sync: choose the connection`,
    'aria-haspopup': single ? null : 'true',
    'aria-expanded': single ? null : 'false',
    onClick: () => (single ? startSync(single, exalate) : toggleChooser(area, candidates, exalate)),
  });
  area.append(exalate);
  return area;
}

function toggleChooser(area, candidates, opener) {
  const existing = area.querySelector('.chooser');
  if (existing) return closePopup(existing, opener);
  const close = () => closePopup(chooser, opener);
  const options = candidates.map((c) => h('li', {},
    h('button', { type: 'button', class: 'chooser-option', 'data-testid': 'exalate-choice', 'data-connection-id': c.id,
      onclick: (event) => startSync(c, event.currentTarget) },
    h('span', {}, c.name),
    h('span', { class: 'muted' }, c.state === 'stopped' ? 'Sync again, with the same twin' : otherSide(c)))));
  const chooser = h('div', { class: 'chooser', 'data-testid': 'exalate-chooser', role: 'group', 'aria-label': 'Choose the connection' },
    h('h3', { class: 'chooser-title' }, `Sync ${issue} with`),
    h('ul', { class: 'chooser-options' }, options),
    h('div', { class: 'chooser-footer' }, button('Cancel', { appearance: 'subtle', testid: 'chooser-cancel', onClick: close })));
  chooser.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });
  area.after(chooser);
  opener.setAttribute('aria-expanded', 'true');
  chooser.querySelector('.chooser-option')?.focus();
}

function confirmStop(li, c, opener) {
  const existing = li.querySelector('.confirm');
  if (existing) return closePopup(existing, opener);
  const close = () => closePopup(confirm, opener);
  const other = c.twinKey ?? 'its twin';
  const confirm = h('div', { class: 'confirm', 'data-testid': 'stop-confirmation', role: 'alertdialog', 'aria-label': `Stop syncing ${issue}?` },
    h('h3', { class: 'confirm-title' }, `Stop syncing ${issue}?`),
    h('p', {}, 'Both issues stay: ', key(issue), ' here and ', key(other), ' on the other side. Later changes no longer travel between them; you can sync ',
      key(issue), ' again later.'),
    h('div', { class: 'confirm-footer' },
      button('Cancel', { appearance: 'subtle', testid: 'stop-cancel', onClick: close }),
      button('Stop syncing', { appearance: 'danger', testid: 'stop-confirm', onClick: (event) => stopSync(c, event.currentTarget) })));
  confirm.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });
  li.append(confirm);
  // Cancel is the safe default for a question that stops something.
  confirm.querySelector('[data-testid="stop-cancel"]').focus();
}

// An issue key never breaks at its hyphen.
const key = (text) => h('span', { class: 'nowrap' }, text);

function closePopup(popup, opener) {
  popup.remove();
  if (opener?.isConnected) {
    if (opener.hasAttribute('aria-expanded')) opener.setAttribute('aria-expanded', 'false');
    opener.focus();
  }
}

function startSync(c, control) {
  return act(control, 'Exalating…',
    () => api.post('/exalate', { connectionId: c.id }),
    `${issue} is brought under sync in ${c.name}; its twin appears on the other side shortly.`);
}

function stopSync(c, control) {
  return act(control, 'Stopping…',
    () => api.delete(path(c.id)),
    `${issue} is no longer synced in ${c.name}. Both issues stay.`);
}

/** Runs one action with every control disabled, says how it went, and shows the panel as it is now. */
async function act(control, busyLabel, call, success) {
  if (busy) return;
  busy = true;
  const controls = [...view.querySelectorAll('button')];
  for (const b of controls) b.disabled = true;
  const label = control.textContent;
  if (control.classList.contains('button')) control.textContent = busyLabel;
  control.setAttribute('aria-busy', 'true');
  clearFlags();
  try {
    await call();
    showSuccess(success);
    pendingSince = null;
    refreshDelay = REFRESH_FIRST_MS;
  } catch (error) {
    showError(error?.message || 'Something went wrong.');
    if (control.isConnected) control.textContent = label;
  } finally {
    busy = false;
  }
  await load();
  focus(view);
}

function scheduleRefresh(status) {
  const pending = (status?.connections ?? []).some((c) => c.state === 'pending');
  if (!pending) {
    pendingSince = null;
    refreshDelay = REFRESH_FIRST_MS;
    return;
  }
  pendingSince ??= Date.now();
  if (Date.now() - pendingSince > REFRESH_FOR_MS) {
    view.append(h('p', { class: 'sync-note', 'data-testid': 'still-pending' },
      'Still waiting for the other side. ', button('Check again', { appearance: 'subtle', testid: 'check-again', onClick: () => { pendingSince = null; load(); } })));
    return;
  }
  refreshTimer = setTimeout(refreshQuietly, refreshDelay);
  refreshDelay = Math.min(Math.round(refreshDelay * 1.5), REFRESH_LONGEST_MS);
}

// A refresh never pulls the panel from under someone choosing or confirming: it waits for them.
function refreshQuietly() {
  if (busy || view.querySelector('.chooser, .confirm')) {
    refreshTimer = setTimeout(refreshQuietly, REFRESH_FIRST_MS);
    return;
  }
  load();
}

function failed(error) {
  // A refresh that fails keeps what the panel showed and says why.
  if (view.querySelector('.sync-list')) {
    showError(error?.message || 'The sync status could not be refreshed.');
    return;
  }
  if (error?.code === 'missing_permission') {
    view.replaceChildren(h('section', { class: 'section-message section-message-warning', 'data-testid': 'no-permission' },
      h('h3', { class: 'section-message-title' }, 'You cannot see this issue’s sync status'),
      h('div', { class: 'section-message-body' }, h('p', {}, error.message))));
    return;
  }
  view.replaceChildren(h('section', { class: 'section-message section-message-error', 'data-testid': 'load-error' },
    h('h3', { class: 'section-message-title' }, 'The sync status could not be loaded'),
    h('div', { class: 'section-message-body' },
      h('p', {}, error?.message || 'Something went wrong.'),
      button('Try again', { testid: 'retry', onClick: () => load() }))));
}

if (!api) {
  view.replaceChildren(h('section', { class: 'section-message section-message-error', 'data-testid': 'load-error' },
    h('h3', { class: 'section-message-title' }, 'No issue to show'),
    h('div', { class: 'section-message-body' }, h('p', {}, 'Jira did not say which issue this panel is for. Reload the issue.'))));
} else {
  load();
}
