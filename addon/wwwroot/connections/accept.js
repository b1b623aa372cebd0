// Accept invitation (private node's console): paste the code, see at once what it is, pick a project, accept.
import { h, button, lozenge, formatDateTime, debounce, replace, focus } from './dom.js';
import { projectPicker } from './projects.js';
import { clearFlags, showSuccess } from './flags.js';

const VERDICTS = {
  valid: ['Valid', 'success'],
  expired: ['Expired', 'removed'],
  used: ['Already used', 'removed'],
  revoked: ['Revoked', 'removed'],
  invitation_malformed: ['Malformed', 'removed'],
};

export function showAccept(app, container) {
  clearFlags();
  let verdict = null; // the last answer for the code now in the field
  let checks = 0;

  const code = h('textarea', { id: 'accept-code', class: 'text-field code', 'data-testid': 'accept-code', rows: '4', spellcheck: 'false',
    autocomplete: 'off', placeholder: 'EXI1.…', 'aria-describedby': 'accept-code-status' });
  const status = h('div', { id: 'accept-code-status', class: 'code-status', 'data-testid': 'accept-code-status', role: 'status', 'aria-live': 'polite' });
  const picker = projectPicker({
    api: app.api,
    prefix: 'accept-project',
    label: 'Select the project for incoming sync',
    hint: 'Issues your partner brings under sync are created in this project of your Jira.',
    onChange: () => update(),
    onError: (e) => app.handleError(e),
  });
  const hint = h('p', { class: 'field-hint accept-hint' });
  const accept = button('Accept', { appearance: 'primary', testid: 'accept-submit', disabled: true, onClick: () => submit() });

  function show(kind, text, details) {
    const [word, appearance] = VERDICTS[kind] ?? ['Not valid', 'removed'];
    status.dataset.status = kind;
    replace(status, lozenge(word, appearance), ' ', h('span', {}, text), details ?? null);
    update();
  }

  function update() {
    const ready = verdict?.status === 'valid' && picker.selected();
    accept.disabled = !ready;
    hint.textContent = ready ? ''
      : verdict?.status !== 'valid' ? 'Paste a valid invitation code to accept it.'
        : 'Select the project for incoming sync.';
  }

  async function check() {
    const text = code.value.trim();
    const mine = ++checks;
    verdict = null;
    if (!text) {
      delete status.dataset.status;
      status.replaceChildren();
      update();
      return;
    }
    status.dataset.status = 'checking';
    replace(status, h('span', { class: 'muted' }, 'Checking the code…'));
    update();
    try {
      const answer = await app.api.post('/invitations/check', { code: text });
      if (mine !== checks) return;
      verdict = answer;
      const until = formatDateTime(answer.expiresAt);
      const messages = {
        valid: `Invitation to the connection “${answer.connectionName}”${until ? `, valid until ${until}` : ''}.`,
        expired: `This invitation expired${until ? ` on ${until}` : ''}. Ask your partner for a new one.`,
        used: 'This invitation has already been used. Ask your partner for a new one.',
        revoked: 'Your partner revoked this invitation. Ask them for a new one.',
      };
      show(answer.status, messages[answer.status] ?? `This invitation is ${answer.status}.`,
        answer.publicNodeUrl ? h('div', { class: 'small code-origin' }, 'From ', h('strong', { 'data-testid': 'accept-public-node' }, answer.publicNodeUrl)) : null);
    } catch (error) {
      if (mine !== checks) return;
      if (error.status === 401) return app.handleError(error); // logged out meanwhile
      show(error.code, error.message); // the API's own words: the reason it is malformed, or why it could not be checked
    }
  }

  async function submit() {
    accept.disabled = true;
    accept.textContent = 'Accepting…';
    try {
      const connection = await app.api.post('/connections/accept', { code: code.value.trim(), projectKey: picker.selected().key });
      showSuccess(`Connected: “${connection?.name ?? verdict.connectionName}” is ${connection?.status ?? 'active'}.`);
      app.showList({ keepFlags: true });
    } catch (error) {
      app.handleError(error);
      accept.textContent = 'Accept';
      check(); // the code may have changed state (used, revoked) meanwhile
    }
  }

  code.addEventListener('input', debounce(check, 300));
  const title = h('h2', { id: 'accept-title' }, 'Accept invitation');
  container.replaceChildren(h('section', { class: 'panel accept', 'aria-labelledby': 'accept-title', 'data-testid': 'accept-form' },
    title,
    h('p', {}, 'Paste the invitation code your partner sent you. This node then connects to their app over HTTPS; it opens no port toward them.'),
    h('div', { class: 'field' }, h('label', { for: 'accept-code', class: 'field-label' }, 'Invitation code'), code, status),
    picker.element,
    h('footer', { class: 'wizard-footer' }, hint, button('Cancel', { appearance: 'subtle', testid: 'accept-cancel', onClick: () => app.showList() }), accept)));
  update();
  focus(code);
}
