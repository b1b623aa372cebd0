// The list of connections: one row each, with what a Jira admin and an operator need to see at a glance.
import { h, button, lozenge, time, formatClock, formatDateTime, formatRelative, formatCount } from './dom.js';
import { rowActions } from './actions.js';
import { syncAction } from './sync.js';
import { inJira } from './config.js';

const STATUS = {
  pending: ['Pending', 'moved'],
  active: ['Active', 'success'],
  deactivated: ['Deactivated', 'default'],
  error: ['Error', 'removed'],
};

const label = (word) => (word ? word[0].toUpperCase() + word.slice(1) : '');

/** Renders the table (or the empty state) into `container`; `app` gives the mode and the actions. */
export function renderList(app, container, connections, loadedAt) {
  const jira = inJira(app.config);
  if (connections.length === 0) {
    container.replaceChildren(emptyState(app));
    return;
  }
  const headers = ['Name', 'Local project', 'Other side', 'Type', 'Mode', 'Status', 'Last poll',
    ['In sync', 'Issues under sync'], ['Queued', 'Events waiting: to send ↑ / to apply ↓'], ['Errors', 'Open errors'], ['Actions']];
  container.replaceChildren(
    h('div', { class: 'table-toolbar' },
      h('span', { class: 'muted' }, `${connections.length} ${connections.length === 1 ? 'connection' : 'connections'} · updated `, time(loadedAt, formatDateTime(loadedAt))),
      button('Refresh', { appearance: 'subtle', testid: 'refresh', onClick: () => app.showList() })),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'table connections-table', 'data-testid': 'connections-table' },
        h('thead', {}, h('tr', {}, headers.map(header))),
        h('tbody', {}, connections.map((c) => row(app, c, jira))))));
}

// [label, explanation] is a numeric column; [label] the actions; a plain string anything else.
function header(x) {
  if (!Array.isArray(x)) return h('th', { scope: 'col' }, x);
  if (x.length === 1) return h('th', { scope: 'col', class: 'actions' }, x[0]);
  return h('th', { scope: 'col', class: 'numeric' }, h('abbr', { title: x[1] }, x[0]));
}

function row(app, c, jira) {
  const [statusText, appearance] = STATUS[c.status] ?? [label(c.status), 'default'];
  return h('tr', { 'data-testid': 'connection-row', 'data-connection-id': c.id, 'data-status': c.status },
    h('td', { class: 'cell-name' }, h('strong', {}, c.name)),
    h('td', {}, project(c.localProject?.name, c.localProject?.key)),
    h('td', { 'data-testid': 'other-side' }, otherSide(c)),
    h('td', {}, label(c.type)),
    h('td', {}, label(c.mode)),
    h('td', { class: 'cell-status' },
      lozenge(statusText, appearance, { 'data-testid': 'status-lozenge' }),
      statusNote(c),
      rateLimitNote(c)),
    h('td', { class: 'nowrap', 'data-testid': 'last-poll' }, lastPoll(c)),
    h('td', { class: 'numeric' }, formatCount(c.issuesInSync)),
    h('td', { class: 'numeric nowrap', 'aria-label': `${c.queuedOutgoing ?? 0} to send, ${c.queuedIncoming ?? 0} to apply` },
      `${formatCount(c.queuedOutgoing)} ↑ / ${formatCount(c.queuedIncoming)} ↓`),
    h('td', { class: `numeric ${c.openErrors > 0 ? 'has-errors' : ''}` }, formatCount(c.openErrors)),
    h('td', { class: 'cell-actions' }, jira ? rowActions(app, c, syncAction(app, c)) : h('div', { class: 'row-actions' }, syncAction(app, c))));
}

function project(name, key) {
  if (!name && !key) return h('span', { class: 'muted' }, '—');
  return [h('span', {}, name ?? key), key ? h('span', { class: 'project-key-suffix' }, ` (${key})`) : null];
}

function otherSide(c) {
  const o = c.otherSide;
  if (!o || !o.name) return h('span', { class: 'muted unknown' }, 'unknown');
  return [
    h('div', {}, o.name, o.version ? version(o.version) : null),
    // Which Jira the partner runs, as its node said when it accepted (older nodes do not say).
    o.jira ? h('div', { class: 'small muted', 'data-testid': 'other-side-jira' }, o.jira) : null,
    o.projectKey || o.projectName ? h('div', { class: 'small' }, project(o.projectName, o.projectKey)) : null,
  ];
}

// "1.4.0+f802bbd…": the product version shown, the build (after '+', SemVer's build metadata) in the tooltip.
function version(full) {
  const product = full.split('+')[0];
  return h('span', { class: 'muted', 'data-testid': 'other-side-version', title: product === full ? null : `Build ${full}` }, ` · ${product}`);
}

// An active connection whose partner has not polled yet says so, and since when it waits; a poll shows at once.
function lastPoll(c) {
  if (c.lastPolledAt) return time(c.lastPolledAt, formatRelative(c.lastPolledAt));
  if (c.status === 'active' && c.activatedAt) {
    return h('span', { class: 'muted' }, 'waiting for the first poll (active ', time(c.activatedAt, formatRelative(c.activatedAt)), ')');
  }
  return h('span', { class: 'muted' }, 'never');
}

// Jira's hourly quota is spent: nothing is sent to this Jira until its reset, on every node of the deployment.
function rateLimitNote(c) {
  if (!c.rateLimitedUntil || new Date(c.rateLimitedUntil).getTime() <= Date.now()) return null;
  return h('div', { class: 'small status-reason', 'data-testid': 'rate-limit-note' },
    'Paused by Jira’s rate limit until ', time(c.rateLimitedUntil, formatClock(c.rateLimitedUntil)));
}

function statusNote(c) {
  if (c.statusReason) return h('div', { class: 'small status-reason' }, c.statusReason);
  const inv = c.invitation;
  if (c.status !== 'pending' || !inv) return null;
  // When it was issued tells invitations of one project apart; why it can no longer be copied says what to do.
  const issued = c.createdAt ? ['Issued ', time(c.createdAt, formatDateTime(c.createdAt)), ' · '] : [];
  const notes = {
    valid: ['valid until ', time(inv.expiresAt, formatDateTime(inv.expiresAt))],
    expired: ['expired ', time(inv.expiresAt, formatDateTime(inv.expiresAt)), '; initiate a new connection to invite again'],
    revoked: ['revoked; initiate a new connection to invite again'],
    used: ['used'],
  };
  return h('div', { class: 'small status-reason', 'data-testid': 'invitation-note' }, issued, notes[inv.status] ?? inv.status);
}

function emptyState(app) {
  const jira = inJira(app.config);
  return h('section', { class: 'empty-state', 'data-testid': 'empty-state' },
    h('h2', {}, 'No connections yet'),
    jira
      ? h('p', {}, 'Connect a project of ', app.config.site ? h('strong', {}, app.config.site.replace(/^https?:\/\//, '')) : 'this Jira',
        ' to a partner’s Jira, even one behind a firewall. Initiate a connection, then send the invitation code to your partner.')
      : h('p', {}, 'When a partner sends you an invitation code, accept it here to connect one of your projects to theirs. This node only makes outbound HTTPS requests: it opens no port.'),
    jira
      ? button('Initiate connection', { appearance: 'primary', testid: 'initiate-connection', onClick: () => app.showInitiate() })
      : button('Accept invitation', { appearance: 'primary', testid: 'accept-invitation', onClick: () => app.showAccept() }));
}
