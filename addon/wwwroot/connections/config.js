// Where the page is and where its API is, from <script type="application/json" id="config">. Three homes:
//   "jira"    the public node's page in Jira's iframe (Connect): the admin API with context tokens from all.js;
//   "forge"   the same page as a Forge Custom UI resource: the API through @forge/bridge (invokeRemote), and what
//             the backend would have filled in (the site, the issue) read from view.getContext();
//   "console" the private node's console: the console API with its session cookie.

/** The page's configuration; in Forge, completed from the module's context. */
export async function readConfig() {
  const config = JSON.parse(document.getElementById('config').textContent);
  if (config.mode !== 'forge') return config;
  const { view } = await import('./forge-bridge.js');
  const context = await view.getContext();
  config.site = typeof context?.siteUrl === 'string' ? context.siteUrl.replace(/\/$/, '') : undefined;
  const issue = context?.extension?.issue;
  // An issue module's context names its issue; the panel's API is under it, as the backend builds it for Connect.
  if (issue && /^\d{1,18}$/.test(String(issue.id))) {
    config.issueId = String(issue.id);
    config.issueKey = issue.key;
    config.projectKey = context.extension.project?.key;
    config.apiBase = `/api/issues/${config.issueId}`;
  }
  return config;
}

/** Whether the page is in Jira (Connect or Forge), i.e. on the public node, rather than the private node's console. */
export const inJira = (config) => config.mode === 'jira' || config.mode === 'forge';
