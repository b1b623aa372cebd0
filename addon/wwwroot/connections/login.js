// The console's login (private node). The console API answers 401 without its session cookie; then this form.
import { h, button, focus } from './dom.js';
import { clearFlags } from './flags.js';

export function showLogin(app, container) {
  const username = h('input', { id: 'login-username', class: 'text-field', 'data-testid': 'login-username', autocomplete: 'username', required: true, spellcheck: 'false' });
  const password = h('input', { id: 'login-password', class: 'text-field', 'data-testid': 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = button('Log in', { appearance: 'primary', testid: 'login-submit', type: 'submit' });

  const form = h('form', { class: 'panel login', 'aria-labelledby': 'login-title', 'data-testid': 'login-form', novalidate: true },
    h('h2', { id: 'login-title' }, 'Log in to the console'),
    h('p', { class: 'muted' }, 'Use the console’s admin account (user admin). Its password is the one set in Console:AdminPassword, or the one printed once when this node first started.'),
    h('div', { class: 'field' }, h('label', { for: 'login-username', class: 'field-label' }, 'Username'), username),
    h('div', { class: 'field' }, h('label', { for: 'login-password', class: 'field-label' }, 'Password'), password),
    h('footer', { class: 'form-footer' }, submit));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!username.value.trim() || !password.value) {
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Logging in…';
    try {
      await app.api.login(username.value.trim(), password.value);
      clearFlags();
      app.showList();
    } catch (error) {
      password.value = '';
      app.handleError(error.status === 401 && error.code === 'http_401'
        ? new Error('The username or password is wrong.')
        : error, { fromLogin: true });
      password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Log in';
    }
  });

  container.replaceChildren(form);
  focus(username);
}
