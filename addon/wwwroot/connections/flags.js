// Banners at the top of the page (or of the open dialog): errors stay until dismissed; a success gives way to the next
// success (it says what the last action did) and fades, except one about something on its way, which goes as soon as
// what it announced has happened.
import { h, button } from './dom.js';

const pageFlags = () => document.getElementById('flags');
const targets = [];

/** While a modal dialog is open, its own flags area receives the messages: the page behind is covered. */
export function pushFlagTarget(el) { targets.push(el); }
export function popFlagTarget(el) {
  const i = targets.lastIndexOf(el);
  if (i >= 0) targets.splice(i, 1);
}

const target = () => targets.at(-1) ?? pageFlags();

export function showError(message) {
  return show('error', message, 'error-banner');
}

/** `subject` names what the message is about (an issue key), so that `retireFlags(subject)` can take it back. */
export function showSuccess(message, { subject } = {}) {
  for (const old of target().querySelectorAll('[data-testid="success-banner"]')) old.remove();
  const flag = show('success', message, 'success-banner');
  // A message about something on its way stays as long as it is on its way; any other fades.
  if (subject) flag.dataset.subject = subject;
  else setTimeout(() => flag.remove(), 8000);
  return flag;
}

/** Removes the messages about `subject`: the state they described has changed. */
export function retireFlags(subject) {
  for (const area of [pageFlags(), ...targets]) {
    for (const flag of area.querySelectorAll('[data-subject]')) {
      if (flag.dataset.subject === subject) flag.remove();
    }
  }
}

export function clearFlags() {
  pageFlags().replaceChildren();
  for (const t of targets) t.replaceChildren();
}

function show(appearance, message, testid) {
  const area = target();
  // The same message twice (a retried action) shows once.
  for (const old of area.querySelectorAll(`[data-testid="${testid}"]`)) {
    if (old.dataset.message === message) old.remove();
  }
  const flag = h('div', {
    class: `banner banner-${appearance}`,
    role: appearance === 'error' ? 'alert' : 'status',
    'data-testid': testid,
    'data-message': message,
  },
  h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, appearance === 'error' ? '!' : '✓'),
  h('p', { class: 'banner-message' }, message),
  button('Dismiss', { appearance: 'subtle', class: 'button button-subtle banner-dismiss', 'aria-label': 'Dismiss message', onClick: () => flag.remove() }));
  area.append(flag);
  while (area.children.length > 3) area.firstElementChild.remove();
  return flag;
}
