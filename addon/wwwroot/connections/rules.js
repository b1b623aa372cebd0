// What Basic mode syncs (DESIGN §1, §7), read-only: this version has nothing to configure.
import { h } from './dom.js';

export const BASIC_DESCRIPTION =
  'Syncs summary, description, comments, attachments and the issue type, both ways, with fixed rules. Nothing to configure.';

// The issue-type fallback as this installation applies it: the app in Jira cannot read a project's default issue type
// (that needs the Administer Jira permission, which it does not ask for); a private node can where its Jira user may.
const TYPE_IN_JIRA = 'Mirrored by name. A type the other project does not have, and every epic, becomes Task in this Jira '
  + '(a project’s default issue type needs the Administer Jira permission, which this app does not ask for). '
  + 'On the partner’s side it becomes their project’s default issue type where their node’s Jira user may read it, else Task.';
const TYPE_IN_CONSOLE = 'Mirrored by name. A type the other project does not have, and every epic, becomes this project’s default '
  + 'issue type when this node’s Jira user may read it (Jira Cloud, as a Jira administrator), else Task, as always on Jira Data Center, '
  + 'whose REST API does not give it. On the public side it becomes Task.';

const RULES = [
  ['Summary', 'Copied as it is.'],
  ['Description', 'Copied with its formatting. Mentions arrive as the person’s name and embedded files as “[attachment: name]”; '
    + 'when the partner edits it, the paragraphs they left alone come back as they were, mentions and images included.'],
  ['Comments', 'Every comment is copied as a public comment; its original author and time are written at the top of its text.'],
  ['Attachments', 'Files are copied to the other issue.'],
];

export function syncRulesPanel({ inJira = true } = {}) {
  return h('section', { class: 'panel sync-rules', 'data-testid': 'sync-rules', 'aria-labelledby': 'sync-rules-title' },
    h('h2', { id: 'sync-rules-title' }, 'Sync rules ', h('span', { class: 'heading-note' }, 'Basic mode')),
    h('p', {}, 'Issues brought under sync travel both ways. Every connection in this version uses these rules:'),
    h('dl', { class: 'rules' }, [...RULES, ['Issue type', inJira ? TYPE_IN_JIRA : TYPE_IN_CONSOLE]].map(([what, how]) => [h('dt', {}, what), h('dd', {}, how)])),
    h('p', { class: 'muted' }, 'Changing these rules needs Script mode, which this version does not have.'));
}
