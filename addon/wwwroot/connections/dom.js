// Small DOM helpers. Text always goes in as text nodes, never as HTML: everything shown comes from an API.

/**
 * h('button', { class: 'button', 'data-testid': 'x', onclick: fn }, 'Label', child, [more]) → Element.
 * Attributes whose value is null, undefined or false are left out; `true` sets an empty attribute.
 * Keys starting with "on" become listeners; `value`, `checked` and `disabled` are set as properties.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'disabled') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** An Atlassian button. appearance: default | primary | subtle | danger | link. */
export function button(label, { appearance = 'default', testid, onClick, type = 'button', ...attrs } = {}) {
  return h('button', { type, class: `button button-${appearance}`, 'data-testid': testid, onclick: onClick, ...attrs }, label);
}

/** An Atlassian lozenge. appearance: default | success | removed | inprogress | moved | new. */
export function lozenge(text, appearance = 'default', attrs = {}) {
  return h('span', { class: `lozenge lozenge-${appearance}`, ...attrs }, text);
}

/** A section message (info | success | warning | error) with optional title. */
export function sectionMessage(appearance, title, ...body) {
  return h('div', { class: `section-message section-message-${appearance}` },
    title ? h('h3', { class: 'section-message-title' }, title) : null,
    h('div', { class: 'section-message-body' }, ...body));
}

/** Runs fn after `ms` without further calls; returns the debounced function. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Mar 2025, 14:05" in the browser's locale and time zone, or "" when missing. */
export function formatDateTime(iso) {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? dateTime.format(date) : '';
}

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "14:05" in the browser's locale and time zone, or "" when missing: for times later today. */
export function formatClock(iso) {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? clock.format(date) : '';
}

const precise = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Like formatDateTime, with seconds: for things that happen seconds apart (failures, refreshes). */
export function formatPrecise(iso) {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? precise.format(date) : '';
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "3 minutes ago", "2 days ago". */
export function formatRelative(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60]]) {
    if (Math.abs(seconds) >= size || unit === 'minute') return relative.format(Math.round(seconds / size), unit);
  }
  return '';
}

/** A <time> element showing `text`, with the exact time as its tooltip. */
export function time(iso, text) {
  return h('time', { datetime: iso, title: formatDateTime(iso) }, text ?? formatDateTime(iso));
}

export function formatCount(n) {
  return typeof n === 'number' ? n.toLocaleString() : '–';
}

/** Moves focus to el (a heading gets tabindex=-1 so it can take it) for screen readers and keyboards. */
export function focus(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(INPUT|TEXTAREA|BUTTON|SELECT|A)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: false });
}

/** The sync API gives times as Unix milliseconds; the helpers above take ISO 8601. */
export function isoFromMs(ms) {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** "due now", "in 8 seconds", "in 3 minutes": when something scheduled happens next. */
export function formatDue(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  if (seconds <= 0) return 'due now';
  return seconds < 60 ? relative.format(seconds, 'second') : formatRelative(iso, now);
}
