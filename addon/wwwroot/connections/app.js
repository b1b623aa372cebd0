// The Connections page, in Jira (mode "jira": public node, admin API with context tokens; mode "forge": the same
// through @forge/bridge) or as the private node's console (mode "console": console API with the login cookie).
// #config says which (connections/config.js).
import { h, button, focus } from './dom.js';
import { createApi } from './api.js';
import { showError, clearFlags } from './flags.js';
import { renderList } from './list.js';
import { syncRulesPanel } from './rules.js';
import { showInitiate } from './initiate.js';
import { showAccept } from './accept.js';
import { showLogin } from './login.js';
import { showSync, syncSummary } from './sync.js';
import { accountActions } from './account.js';
import { readConfig, inJira } from './config.js';

const config = await readConfig();
const view = document.getElementById('view');
const actions = document.getElementById('page-actions');
const title = document.getElementById('page-title');
const jira = inJira(config);
let loads = 0;

const app = {
  config,
  api: createApi(config),

  async showList({ keepFlags = false } = {}) {
    const mine = ++loads;
    if (!keepFlags) clearFlags();
    setHeading('Connections');
    const listArea = h('div', { class: 'list-area', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading connections…'));
    if (!view.querySelector('.list-area')) view.replaceChildren(listArea, syncRulesPanel({ inJira: jira }));
    else view.querySelector('.list-area').setAttribute('aria-busy', 'true');
    try {
      const answer = await app.api.get('/connections');
      if (mine !== loads) return;
      const connections = answer?.connections ?? [];
      const area = view.querySelector('.list-area') ?? listArea;
      if (!jira) localJira(answer?.jira);
      renderList(app, area, connections, new Date().toISOString());
      area.removeAttribute('aria-busy');
      setActions(connections.length > 0 ? primaryAction() : null, logoutAction());
    } catch (error) {
      if (mine !== loads) return;
      view.querySelector('.list-area')?.replaceChildren(h('p', { class: 'muted' }, 'The connections could not be loaded.'));
      setActions(primaryAction(), logoutAction());
      app.handleError(error);
    }
  },

  /** A connection's sync views (issues, triggers, queue, errors) in place of the list. */
  showSync(connection, tab) {
    ++loads;
    clearFlags();
    setHeading(connection.name, connection);
    setActions(logoutAction());
    showSync(app, view, connection, { tab });
  },

  showInitiate() {
    setHeading('Connections');
    setActions();
    showInitiate(app, view);
  },

  showAccept() {
    setHeading('Connections');
    setActions(logoutAction());
    showAccept(app, view);
  },

  /** Every failure ends here: a refusal the page can explain as a whole, or the API's message in a banner. */
  handleError(error, { fromLogin = false } = {}) {
    if (error?.code === 'not_jira_admin') return notAdmin();
    if (!jira && error?.status === 401 && !fromLogin) {
      ++loads;
      setHeading('Connections');
      setActions();
      return showLogin(app, view);
    }
    showError(error?.message || 'Something went wrong.');
  },
};

/** The page's title; inside a connection, with breadcrumbs back to the list. */
function setHeading(text, connection = null) {
  document.getElementById('breadcrumbs')?.remove();
  document.getElementById('sync-summary')?.remove();
  title.textContent = text;
  if (!connection) return;
  actions.after(syncSummary(connection));
  const back = h('a', { href: '#', 'data-testid': 'sync-back', onclick: (e) => { e.preventDefault(); app.showList(); } }, 'Connections');
  title.before(h('nav', { id: 'breadcrumbs', class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
    h('ol', {}, h('li', {}, back), h('li', { 'aria-current': 'page' }, connection.name))));
}

// The console says which Jira the node works with, or, as an error that stays, why it cannot (a wrong URL, an HTML
// login page, a Jira older than supported): the same words the node's log has.
function localJira(info) {
  document.getElementById('local-jira')?.remove();
  if (!info) return;
  const line = info.problem
    ? h('p', { id: 'local-jira', class: 'local-jira problem', role: 'alert', 'data-testid': 'local-jira' },
      h('strong', {}, 'This node cannot work with its Jira. '), info.problem)
    : h('p', { id: 'local-jira', class: 'local-jira muted', 'data-testid': 'local-jira' },
      'This node\'s Jira: ', h('span', { 'data-testid': 'local-jira-product' }, info.product ?? 'not known yet'), ` · ${info.url}`);
  document.querySelector('.page-header').after(line);
}

function setActions(...buttons) {
  actions.replaceChildren(...buttons.flat().filter(Boolean));
}

function primaryAction() {
  return jira
    ? button('Initiate connection', { appearance: 'primary', testid: 'initiate-connection', onClick: () => app.showInitiate() })
    : button('Accept invitation', { appearance: 'primary', testid: 'accept-invitation', onClick: () => app.showAccept() });
}

// The console's account actions: change the password, sign out everywhere, log out. None in Jira.
function logoutAction() {
  if (jira) return null;
  const toLogin = () => {
    ++loads;
    setHeading('Connections');
    setActions();
    showLogin(app, view);
  };
  return [
    ...accountActions(app, toLogin),
    button('Log out', { testid: 'logout', onClick: async () => {
      try { await app.api.logout(); } catch { /* logged out either way: the next call shows the login */ }
      toLogin();
    } }),
  ];
}

// The server refuses every admin call to a user who is not a Jira administrator; the page only explains.
function notAdmin() {
  ++loads;
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  clearFlags();
  setHeading('Connections');
  setActions();
  // Said once: the server's refusal says the same (its message is for API callers), so it is not repeated here.
  const title = h('h2', {}, 'Only Jira administrators can manage connections');
  view.replaceChildren(h('section', { class: 'empty-state not-admin', 'data-testid': 'not-admin' },
    title,
    h('p', {}, 'Ask a Jira administrator of this site.')));
  focus(title);
}

if (!jira) document.getElementById('page-title').before(h('p', { class: 'eyebrow' }, `${config.appName} console`));
app.showList();
