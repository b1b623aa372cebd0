// One connection's sync views (Sync/README.md "Bringing issues under sync, stopping"): its synced issues, its
// triggers, its queues and its errors, as tabs of one sub-page. All four read one overview,
// GET …/connections/{id}/sync, refreshed on demand and every few seconds while the page is open.
import { h, button, lozenge, time, formatPrecise, focus } from './dom.js';
import { issuesView } from './sync-issues.js';
import { triggersView } from './sync-triggers.js';
import { queueView } from './sync-queue.js';
import { errorsView } from './sync-errors.js';
import { inJira } from './config.js';

const TABS = [
  ['issues', 'Issues', issuesView],
  ['triggers', 'Triggers', triggersView],
  ['queue', 'Sync queue', queueView],
  ['errors', 'Errors', errorsView],
];

const STATUS = { active: ['Active', 'success'], deactivated: ['Deactivated', 'default'], error: ['Error', 'removed'] };

// How often the overview is read again: often while a bulk run shows progress or the queue is watched.
const BULK_POLL_MS = 2000;
const QUEUE_POLL_MS = 3000;
const IDLE_POLL_MS = 5000;
const WATCH_POLL_MS = 1000;
const WATCH_MS = 15000;

/** The "Sync" action of a connection's row: only a connection whose invitation was accepted has anything to show. */
export function syncAction(app, c) {
  if (c.status === 'pending') return null;
  return button('Sync', {
    appearance: 'subtle',
    testid: 'row-sync',
    onClick: () => app.showSync(c),
    'aria-label': `Sync views of ${c.name}`,
    title: 'Synced issues, triggers, sync queue and errors',
  });
}

export function showSync(app, container, connection, { tab = 'issues' } = {}) {
  const ctx = {
    app,
    connection,
    jira: inJira(app.config),
    other: connection.otherSide?.name || 'the other side',
    path: (rest = '') => `/connections/${encodeURIComponent(connection.id)}${rest}`,
    refresh: () => load(),
    /** After an action whose effect takes a moment (a retry, a create on the other side): look again every second for a while. */
    watch: () => {
      fastUntil = Date.now() + WATCH_MS;
      return load();
    },
    showTab: (key) => select(key, true),
  };
  const views = Object.fromEntries(TABS.map(([key, , make]) => [key, make(ctx)]));
  const tabs = Object.fromEntries(TABS.map(([key, name]) => [key, tabButton(key, name)]));
  const panels = Object.fromEntries(TABS.map(([key, name]) =>
    [key, h('div', { role: 'tabpanel', id: `sync-panel-${key}`, 'aria-labelledby': `sync-tab-${key}`, class: 'tab-panel', tabindex: '0', hidden: true }, views[key].element)]));
  const updated = h('span', { class: 'muted', 'data-testid': 'sync-updated' }, 'Loading…');
  const root = h('section', { class: 'sync', 'data-testid': 'sync-views', 'data-connection-id': connection.id, 'aria-busy': 'true' },
    h('div', { class: 'tabs-bar' },
      h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Sync views', onkeydown: arrowKeys }, Object.values(tabs)),
      h('div', { class: 'tabs-tools' }, updated, button('Refresh', { appearance: 'subtle', testid: 'sync-refresh', onClick: () => load() }))),
    Object.values(panels));
  container.replaceChildren(root);

  let current = null;
  let overview = null;
  let asked = 0;
  let timer = null;
  let fastUntil = 0;

  function tabButton(key, name) {
    return h('button', {
      type: 'button', role: 'tab', id: `sync-tab-${key}`, class: 'tab', 'aria-controls': `sync-panel-${key}`,
      'aria-selected': 'false', tabindex: '-1', 'data-testid': `sync-tab-${key}`, onclick: () => select(key, true),
    }, h('span', {}, name), h('span', { class: 'badge', 'data-count': '' }));
  }

  function arrowKeys(e) {
    const keys = TABS.map(([key]) => key);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    select(keys[(keys.indexOf(current) + step + keys.length) % keys.length], true);
    tabs[current].focus();
  }

  function select(key, byUser) {
    if (!views[key]) key = 'issues';
    current = key;
    for (const [k, b] of Object.entries(tabs)) {
      b.setAttribute('aria-selected', String(k === key));
      b.tabIndex = k === key ? 0 : -1;
      panels[k].hidden = k !== key;
    }
    if (byUser) schedule(); // the queue tab polls faster than the others
  }

  function counts(o) {
    const badge = (key, n, important = false) => {
      const b = tabs[key].querySelector('.badge');
      b.textContent = String(n);
      b.dataset.count = String(n);
      b.classList.toggle('badge-important', important && n > 0);
    };
    badge('issues', o.issues.length);
    badge('triggers', o.triggers.length);
    badge('errors', o.errors.length, true);
    tabs.queue.querySelector('.badge').hidden = true;
  }

  async function load() {
    const mine = ++asked;
    root.setAttribute('aria-busy', 'true');
    try {
      const answer = await app.api.get(ctx.path('/sync'));
      if (mine !== asked || !root.isConnected) return;
      overview = normalise(answer);
      const loadedAt = new Date().toISOString();
      counts(overview);
      for (const view of Object.values(views)) view.update(overview, loadedAt);
      updated.replaceChildren('Updated ', time(loadedAt, formatPrecise(loadedAt)));
    } catch (error) {
      if (mine !== asked || !root.isConnected) return;
      app.handleError(error);
    } finally {
      if (mine === asked) {
        root.removeAttribute('aria-busy');
        schedule();
      }
    }
  }

  function schedule() {
    clearTimeout(timer);
    if (!root.isConnected) return;
    const running = overview?.triggers.some((t) => t.bulkRunning);
    const wait = Date.now() < fastUntil ? WATCH_POLL_MS : running ? BULK_POLL_MS : current === 'queue' ? QUEUE_POLL_MS : IDLE_POLL_MS;
    timer = setTimeout(() => {
      if (!root.isConnected) return; // the admin left the sync views: stop asking
      if (document.hidden) schedule();
      else load();
    }, wait);
  }

  select(tab, false);
  load();
  focus(document.getElementById('page-title'));
}

/** Missing lists become empty ones, so a view never has to ask. */
function normalise(o) {
  return {
    ...o,
    issues: o?.issues ?? [],
    triggers: o?.triggers ?? [],
    errors: o?.errors ?? [],
  };
}

/** One line under the title: status, this project ⇄ the other side's project and node. */
export function syncSummary(c) {
  const [text, appearance] = STATUS[c.status] ?? [c.status, 'default'];
  const local = c.localProject ? `${c.localProject.name ?? c.localProject.key} (${c.localProject.key})` : 'this project';
  const o = c.otherSide;
  const remote = o?.projectKey ? `${o.projectName ?? o.projectKey} (${o.projectKey})` : null;
  return h('div', { class: 'sync-summary', id: 'sync-summary' },
    lozenge(text, appearance, { 'data-testid': 'sync-connection-status' }),
    h('span', {}, local, h('span', { class: 'sync-arrow', 'aria-label': 'syncs with' }, ' ⇄ '),
      remote ?? '', o?.name ? h('span', { class: 'muted' }, `${remote ? ' on ' : ''}${o.name}`) : null),
    c.status === 'deactivated' ? h('span', { class: 'muted' }, '· deactivated: changes queue until it is activated') : null);
}
