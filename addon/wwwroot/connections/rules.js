// What Basic mode syncs (DESIGN §1, §7), read-only: this version has nothing to configure.
import { h } from './dom.js';

export const BASIC_DESCRIPTION =
  'Syncs summary, description, comments, attachments and the issue type, both ways, with fixed rules. Nothing to configure.';

const RULES = [
  ['Summary', 'Copied as it is.'],
  ['Description', 'Copied as it is.'],
  ['Comments', 'Every comment is copied as a public comment; its original author and time are written at the top of its text.'],
  ['Attachments', 'Files are copied to the other issue.'],
  ['Issue type', 'Mirrored by name. A type the other project does not have, and every epic, becomes that project’s default issue type, or Task where none is set.'],
];

export function syncRulesPanel() {
  return h('section', { class: 'panel sync-rules', 'data-testid': 'sync-rules', 'aria-labelledby': 'sync-rules-title' },
    h('h2', { id: 'sync-rules-title' }, 'Sync rules ', h('span', { class: 'heading-note' }, 'Basic mode')),
    h('p', {}, 'Issues brought under sync travel both ways. Every connection in this version uses these rules:'),
    h('dl', { class: 'rules' }, RULES.map(([what, how]) => [h('dt', {}, what), h('dd', {}, how)])),
    h('p', { class: 'muted' }, 'Changing these rules needs Script mode, which this version does not have.'));
}
