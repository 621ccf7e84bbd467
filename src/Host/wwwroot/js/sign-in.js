import { el, startPage } from './common.js';
import { t } from './i18n.js';

await startPage({ requireUser: false });
const content = document.getElementById('content');
const message = el('p', { class: 'error', role: 'alert', id: 'sign-in-error' });
const form = el('form', { class: 'sign-in', id: 'sign-in-form' },
  el('label', {}, el('span', { text: t('username') }), el('input', { name: 'username', id: 'username', autocomplete: 'username', required: true })),
  el('label', {}, el('span', { text: t('password') }),
    el('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true })),
  el('button', { type: 'submit', class: 'primary', id: 'sign-in-submit', text: t('signIn') }),
  message);
content.append(form);

form.addEventListener('submit', async event => {
  event.preventDefault();
  message.textContent = '';
  const data = new FormData(form);
  const response = await fetch('/auth/sign-in', {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username: data.get('username'), password: data.get('password') }),
  });
  if (!response.ok) { message.textContent = t('signInFailed'); return; }
  const back = new URLSearchParams(location.search).get('returnUrl');
  // only a local path, never another site
  location.href = back && back.startsWith('/') && !back.startsWith('//') ? back : '/dashboard';
});
