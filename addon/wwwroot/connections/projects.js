// A searchable project list: a search field that asks the API as you type (debounced), and the matches as
// radio buttons, so arrow keys, Space and screen readers work as they do in any form.
import { h, replace, debounce } from './dom.js';

let pickers = 0;

/**
 * projectPicker({ api, prefix, label, hint, selected, onChange, onError }) → { element, selected(), focus() }.
 * Test ids: `${prefix}-search` (the input) and `${prefix}-option` (each match, with data-project-key).
 */
export function projectPicker({ api, prefix, label, hint, selected = null, onChange = () => {}, onError }) {
  const id = `${prefix}-${++pickers}`;
  let current = selected;
  let asked = 0;

  const search = h('input', {
    type: 'search',
    id: `${id}-search`,
    class: 'text-field',
    'data-testid': `${prefix}-search`,
    placeholder: 'Search by project name or key',
    maxlength: '200',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-status`,
  });
  const options = h('fieldset', { class: 'picker-options', id: `${id}-options`, hidden: true },
    h('legend', { class: 'visually-hidden' }, 'Projects'));
  const status = h('p', { class: 'picker-status', id: `${id}-status`, role: 'status' });
  const chosen = h('p', { class: 'picker-chosen', 'data-testid': `${prefix}-selected` });

  function showChosen() {
    replace(chosen, current
      ? ['Selected: ', h('strong', {}, current.name), ` (${current.key})`]
      : h('span', { class: 'muted' }, 'No project selected yet.'));
  }

  function render(projects, query) {
    options.replaceChildren(options.querySelector('legend'));
    for (const p of projects) {
      const radio = h('input', {
        type: 'radio',
        name: `${id}-project`,
        value: p.id,
        checked: current?.id === p.id,
        onchange: () => {
          current = p;
          showChosen();
          onChange(p);
        },
      });
      options.append(h('label', { class: 'picker-option', 'data-testid': `${prefix}-option`, 'data-project-key': p.key },
        radio, h('span', { class: 'project-key' }, p.key), h('span', { class: 'project-name' }, p.name)));
    }
    options.hidden = projects.length === 0;
    if (projects.length === 0) status.textContent = query ? `No project matches “${query}”.` : 'No projects found in this Jira.';
    else if (projects.length >= 50) status.textContent = `Showing the first ${projects.length} matches; type to narrow them down.`;
    else status.textContent = `${projects.length} ${projects.length === 1 ? 'project' : 'projects'}`;
  }

  async function load(query) {
    const mine = ++asked;
    status.textContent = 'Searching…';
    try {
      const answer = await api.get(`/projects?query=${encodeURIComponent(query)}`);
      if (mine === asked) render(answer?.projects ?? [], query);
    } catch (error) {
      if (mine !== asked) return;
      status.textContent = 'Projects could not be loaded.';
      onError(error);
    }
  }

  const searchSoon = debounce(() => load(search.value.trim()), 250);
  search.addEventListener('input', searchSoon);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { // never submits a surrounding form; picks the only match
      e.preventDefault();
      const radios = options.querySelectorAll('input[type=radio]');
      if (radios.length === 1) radios[0].click();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      (options.querySelector('input:checked') ?? options.querySelector('input[type=radio]'))?.focus();
    }
  });

  const element = h('div', { class: 'field picker' },
    h('label', { for: search.id, class: 'field-label' }, label),
    hint ? h('p', { class: 'field-hint' }, hint) : null,
    search, status, options, chosen);
  showChosen();
  load('');
  return { element, selected: () => current, focus: () => search.focus() };
}
