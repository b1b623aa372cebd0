// Initiate connection (public node): destination → connection type → project → invitation code.
import { h, button, lozenge, sectionMessage, formatDateTime, focus, replace } from './dom.js';
import { projectPicker } from './projects.js';
import { BASIC_DESCRIPTION } from './rules.js';
import { clearFlags } from './flags.js';
import { copyButton } from './copy.js';

const STEPS = ['Destination', 'Connection type', 'Project', 'Invitation code'];
const MODE_DESCRIPTIONS = { basic: BASIC_DESCRIPTION };
const label = (word) => word[0].toUpperCase() + word.slice(1);

export function showInitiate(app, container) {
  const state = { step: 1, url: '', destination: null, types: [], choice: null, project: null, name: '' };
  const root = h('section', { class: 'wizard panel', 'data-testid': 'initiate-wizard', 'aria-labelledby': 'wizard-title' });
  container.replaceChildren(root);

  const go = (step) => {
    state.step = step;
    clearFlags();
    const [title, ...body] = [step1, step2, step3, step4][step - 1](app, state, go);
    replace(root, progress(step), title, body);
    focus(title);
  };
  go(1);
}

function progress(current) {
  return h('ol', { class: 'progress', 'aria-label': 'Steps' }, STEPS.map((name, i) =>
    h('li', { class: i + 1 < current ? 'done' : i + 1 === current ? 'current' : '', 'aria-current': i + 1 === current ? 'step' : null },
      h('span', { class: 'progress-number' }, String(i + 1)), name)));
}

const heading = (text) => h('h2', { id: 'wizard-title' }, text);
const footer = (...buttons) => h('footer', { class: 'wizard-footer' }, buttons);
const cancel = (app) => button('Cancel', { appearance: 'subtle', testid: 'wizard-cancel', onClick: () => app.showList() });
const back = (go, step) => button('Back', { testid: 'wizard-back', onClick: () => go(step) });

/** Runs `call` with `b` showing busy; shows the API's message on failure and returns undefined. */
async function busy(app, b, text, call) {
  const before = b.textContent;
  b.disabled = true;
  b.textContent = text;
  try {
    return await call();
  } catch (error) {
    app.handleError(error);
    return undefined;
  } finally {
    b.disabled = false;
    b.textContent = before;
  }
}

function step1(app, state, go) {
  const url = h('input', { type: 'url', id: 'destination-url', class: 'text-field', 'data-testid': 'destination-url', value: state.url,
    placeholder: 'https://sync.partner.example', autocomplete: 'url', spellcheck: 'false', 'aria-describedby': 'destination-hint' });
  const problem = h('p', { class: 'field-error', id: 'destination-problem', role: 'alert' });

  async function fetchTypes(trigger, withUrl) {
    problem.textContent = '';
    const query = withUrl ? `?url=${encodeURIComponent(url.value.trim())}` : '';
    const answer = await busy(app, trigger, withUrl ? 'Checking…' : 'Loading…', () => app.api.get(`/connection-types${query}`));
    if (!answer) return;
    state.url = withUrl ? url.value.trim() : '';
    state.destination = withUrl ? answer.destination ?? null : null;
    state.types = answer.types ?? [];
    state.choice = null;
    go(2);
  }

  const noUrl = button('I don’t have a URL', { testid: 'no-url', onClick: () => fetchTypes(noUrl, false) });
  const next = button('Next', { appearance: 'primary', testid: 'wizard-next', onClick: () => {
    if (!url.value.trim()) {
      problem.textContent = 'Enter the destination’s URL, or choose “I don’t have a URL”.';
      url.focus();
      return;
    }
    fetchTypes(next, true);
  } });
  url.addEventListener('keydown', (e) => { if (e.key === 'Enter') next.click(); });

  return [heading('Where is the other side?'),
    h('div', { class: 'field' },
      h('label', { for: 'destination-url', class: 'field-label' }, 'Destination URL'),
      h('div', { class: 'inline-field' }, url, noUrl),
      h('p', { class: 'field-hint', id: 'destination-hint' },
        'The address of the partner’s node, if this app can reach it. A partner whose Jira sits behind a firewall has no URL you can reach: choose “I don’t have a URL”, and their node will connect to this app instead.'),
      problem),
    footer(cancel(app), next)];
}

function step2(app, state, go) {
  const options = state.types.flatMap((t) => (t.modes ?? []).map((mode) => ({ type: t.type, mode })));
  const problem = h('p', { class: 'field-error', role: 'alert' });
  const choices = h('fieldset', { class: 'choices' },
    h('legend', { class: 'visually-hidden' }, 'Connection type'),
    options.map((o) => h('label', { class: 'choice', 'data-testid': `type-option-${o.mode}`, 'data-type': o.type },
      h('input', { type: 'radio', name: 'connection-type', value: `${o.type}:${o.mode}`,
        checked: state.choice?.type === o.type && state.choice?.mode === o.mode,
        onchange: () => { state.choice = o; problem.textContent = ''; } }),
      h('span', { class: 'choice-text' },
        h('span', { class: 'choice-title' }, label(o.mode), lozenge(label(o.type), 'default')),
        h('span', { class: 'choice-description' }, MODE_DESCRIPTIONS[o.mode] ?? `${label(o.mode)} mode.`)))));

  const destination = state.destination
    ? h('p', { class: 'destination', 'data-testid': 'destination-info' }, 'Destination: ', h('strong', {}, state.destination.name),
      state.destination.version ? ` · version ${state.destination.version}` : '', '. The types both sides support:')
    : h('p', { 'data-testid': 'destination-info' },
      'A private connection: the partner’s node reaches this app from inside its network; this app never calls it. Private connections in this version support:');

  const next = button('Next', { appearance: 'primary', testid: 'wizard-next', onClick: () => {
    if (!state.choice) {
      problem.textContent = 'Choose a connection type.';
      return;
    }
    go(3);
  } });
  return [heading('Choose the connection type'), destination,
    options.length ? [choices, problem] : sectionMessage('warning', 'No common connection type',
      'The destination and this app have no connection type in common. Go back and choose “I don’t have a URL” if the partner runs a private node.'),
    footer(cancel(app), back(go, 1), options.length ? next : null)];
}

function step3(app, state, go) {
  const name = h('input', { id: 'connection-name', class: 'text-field', 'data-testid': 'connection-name', value: state.name, maxlength: '200', autocomplete: 'off',
    placeholder: state.project ? `${state.project.key} to private node · a short code` : 'Named after the project', oninput: () => { state.name = name.value; } });
  const picker = projectPicker({
    api: app.api,
    prefix: 'project',
    label: 'Project',
    hint: 'Issues your partner brings under sync are created in this project.',
    selected: state.project,
    onChange: (p) => { state.project = p; name.placeholder = `${p.key} to private node · a short code`; },
    onError: (e) => app.handleError(e),
  });
  const problem = h('p', { class: 'field-error', role: 'alert' });

  const initiate = button('Initiate', { appearance: 'primary', testid: 'initiate-submit', onClick: async () => {
    if (!state.project) {
      problem.textContent = 'Select a project for incoming sync.';
      picker.focus();
      return;
    }
    problem.textContent = '';
    const body = { projectId: state.project.id, mode: state.choice.mode, type: state.choice.type };
    if (state.name.trim()) body.name = state.name.trim();
    const answer = await busy(app, initiate, 'Initiating…', () => app.api.post('/connections', body));
    if (!answer) return;
    state.result = answer;
    go(4);
  } });

  return [heading('Select the project for incoming sync'), picker.element, problem,
    h('div', { class: 'field' },
      h('label', { for: 'connection-name', class: 'field-label' }, 'Connection name ', h('span', { class: 'optional' }, '(optional)')),
      name),
    footer(cancel(app), back(go, 2), initiate)];
}

function step4(app, state) {
  const { connection, invitationCode } = state.result;
  const code = h('textarea', { id: 'invitation-code', class: 'text-field code', 'data-testid': 'invitation-code', readonly: true, rows: '5', spellcheck: 'false' });
  code.value = invitationCode;
  const expires = connection?.invitation?.expiresAt;
  return [heading('Send the invitation code to your partner'),
    h('p', {}, 'The connection ', h('strong', {}, connection?.name ?? ''), ' is Pending until your partner accepts this invitation on their node’s console.'),
    h('div', { class: 'field' },
      h('label', { for: 'invitation-code', class: 'field-label' }, 'Invitation code'),
      code,
      copyButton(code)),
    sectionMessage('warning', 'Keep it to your partner',
      h('p', {}, 'Copy the code now, or later from the connection’s “Copy invitation code” while the invitation is valid. ',
        expires ? ['It expires on ', h('time', { datetime: expires }, formatDateTime(expires)), '. '] : '',
        'Send it to your partner over a channel you trust: whoever holds it can connect to this project.')),
    footer(button('Done', { testid: 'wizard-done', onClick: () => app.showList() }))];
}
