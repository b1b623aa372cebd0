// Copy to the clipboard, with a fallback for browsers (or iframes) that refuse the Clipboard API:
// the text is selected, so Ctrl+C / ⌘C finishes the job.
import { h, button } from './dom.js';

export function copyButton(textarea) {
  const status = h('span', { class: 'copy-status', 'data-testid': 'copy-status', role: 'status' });
  let timer;
  const say = (text) => {
    status.textContent = text;
    clearTimeout(timer);
    timer = setTimeout(() => { status.textContent = ''; }, 4000);
  };
  const copy = button('Copy invitation code', { appearance: 'primary', testid: 'copy-code', onClick: async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(textarea.value);
      say('Copied');
    } catch {
      textarea.focus();
      textarea.select();
      let copied = false;
      try { copied = document.execCommand('copy'); } catch { copied = false; }
      say(copied ? 'Copied' : 'The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  } });
  return h('div', { class: 'copy-row' }, copy, status);
}
