// Builds the Custom UI resources that manifest.yml names, from the pages the backend serves (addon/wwwroot):
//   dist/connections  the Connections page (jira:adminPage), calling /api/admin through invokeRemote
//   dist/issue-sync   the issue panel (jira:issuePanel), calling /api/issues/{id} through invokeRemote
// The page code is the same file for file; only index.html is filled in here instead of by the backend (Atlassian
// serves these files, not us), in "forge" mode, and @forge/bridge is bundled beside it as forge-bridge.js.
// Usage: npm ci --ignore-scripts && npm run build   (run from this folder; FORGE_APP_NAME overrides "Exalate").
import { build } from 'esbuild';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pages = join(here, '..', 'wwwroot');
const dist = join(here, 'dist');
const appName = process.env.FORGE_APP_NAME || 'Exalate';

// The page's scripts, styles and images: everything but the template, which is filled in below.
async function copyAssets(from, to) {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    if (name !== 'index.html' && /\.(js|css|svg)$/.test(name)) await cp(join(from, name), join(to, name));
  }
}

// As the backend does it (ConnectionsPage): a value can close neither the <script> it sits in nor an attribute.
const json = (value) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
const html = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function fill(template, values) {
  const text = await readFile(template, 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name) => (name in values ? values[name] : whole));
}

async function bridgeTo(folder) {
  await build({
    stdin: { contents: "export { invokeRemote, view } from '@forge/bridge';", resolveDir: here, loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, legalComments: 'linked',
    outfile: join(folder, 'forge-bridge.js'), logLevel: 'warning',
  });
}

await rm(dist, { recursive: true, force: true });

const connections = join(dist, 'connections');
await copyAssets(join(pages, 'connections'), connections);
await bridgeTo(connections);
await writeFile(join(connections, 'index.html'), await fill(join(pages, 'connections', 'index.html'), {
  title: html(`${appName} · Connections`), mode: 'forge', assetBase: './', allJs: '',
  config: json({ mode: 'forge', appName, apiBase: '/api/admin' }),
}));

const issueSync = join(dist, 'issue-sync');
await copyAssets(join(pages, 'issue-sync'), join(issueSync, 'issue-sync'));
await copyAssets(join(pages, 'connections'), join(issueSync, 'connections'));
await cp(join(pages, 'static', 'icon.svg'), join(issueSync, 'icon.svg')); // the panel's icon (manifest: resource:issue-sync-ui;icon.svg)
await bridgeTo(join(issueSync, 'connections'));
await writeFile(join(issueSync, 'index.html'), await fill(join(pages, 'issue-sync', 'index.html'), {
  title: html(`${appName} · Sync status`), assetBase: './issue-sync/', sharedAssetBase: './connections/', allJs: '',
  // The issue comes from view.getContext() when the panel opens (connections/config.js).
  config: json({ mode: 'forge', appName }),
}));

console.log(`Built the Custom UI resources in ${dist}`);
