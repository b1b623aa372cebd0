// Sync queue tab: what is on its way, each way. Read again every few seconds while the tab is open (sync.js).
import { h, replace, button, formatCount, sectionMessage } from './dom.js';

export function queueView(ctx) {
  const figures = {
    forPeer: figure('queue-for-peer', 'Waiting to be sent', `Changes from this side that ${ctx.other} has not received yet.`),
    toApply: figure('queue-to-apply', 'Waiting to be applied', `Changes from ${ctx.other} received here, not yet written to this Jira.`),
    toRead: figure('queue-changed-issues', 'Changed issues to read', 'Issues changed in this Jira that the sync has not read yet (on Jira Cloud: counted for all connections of this site).'),
  };
  const notes = h('div', { class: 'queue-notes' });
  const element = h('div', { class: 'queue', 'data-testid': 'sync-queue' },
    h('div', { class: 'figures' }, figures.forPeer.element, figures.toApply.element, figures.toRead.element),
    notes,
    h('p', { class: 'muted small queue-refresh' }, 'These numbers are read again every few seconds while this tab is open. ',
      button('Refresh now', { appearance: 'link', testid: 'queue-refresh', onClick: () => ctx.refresh() })));

  return {
    element,
    update(overview) {
      figures.forPeer.set(overview.queuedForPeer);
      figures.toApply.set(overview.waitingToApply);
      figures.toRead.set(overview.changedIssuesToRead);
      const blocked = overview.errors.filter((e) => e.direction === 'in' && e.blocking).length;
      replace(notes,
        ctx.connection.status === 'deactivated'
          ? sectionMessage('warning', 'This connection is deactivated', h('p', {}, 'Changes queue on both sides until it is activated again.'))
          : null,
        blocked > 0 && overview.waitingToApply > 0
          ? sectionMessage('info', null, h('p', {},
            `Changes of ${blocked === 1 ? 'an issue that failed' : `${blocked} issues that failed`} wait until ${blocked === 1 ? 'it is' : 'they are'} retried. `,
            button('See the errors', { appearance: 'link', onClick: () => ctx.showTab('errors') })))
          : null);
    },
  };
}

function figure(testid, title, description) {
  const value = h('span', { class: 'figure-value', 'data-testid': `${testid}-value` }, '–');
  const element = h('section', { class: 'figure', 'data-testid': testid, 'aria-label': title },
    h('h3', { class: 'figure-title' }, title), value, h('p', { class: 'figure-description' }, description));
  return {
    element,
    set(n) {
      value.textContent = formatCount(n);
      element.dataset.value = typeof n === 'number' ? String(n) : '';
    },
  };
}
