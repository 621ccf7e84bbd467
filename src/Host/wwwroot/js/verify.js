// The public check of a certificate's verification code. It shows only what the API returns (what was certified, by
// whom, when, and whether it stands) and no link into the rest of the site, so the page says nothing of where it was earned.
import { el, clear, date, param } from './common.js';
import { t, applyLanguage, language, toggleLanguage } from './i18n.js';

applyLanguage();
document.title = t('verify');
clear(document.querySelector('header.site')).append(
  el('button', { type: 'button', id: 'language', lang: language() === 'ur' ? 'en' : 'ur', onclick: toggleLanguage, text: t('language') }));

const content = document.getElementById('content');
const code = param('code') ?? '';
const input = el('input', { id: 'code', name: 'code', value: code, autocomplete: 'off', spellcheck: 'false', required: true });
content.append(el('form', { method: 'get', action: '/verify', id: 'verify-form' },
  el('label', {}, el('span', { text: t('verificationCode') }), input), ' ', el('button', { type: 'submit', text: t('check') })));
const result = el('section', { id: 'result', 'aria-live': 'polite' });
content.append(result);
if (code.trim()) await check(code.trim());

async function check(value) {
  const response = await fetch(`/verify/${encodeURIComponent(value)}`, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  clear(result);
  if (response.status === 404) { result.append(el('p', { class: 'error', role: 'alert', id: 'unknown-code', text: t('unknownCode') })); return; }
  if (!response.ok) { result.append(el('p', { class: 'error', role: 'alert', text: body.detail ?? body.title ?? `HTTP ${response.status}` })); return; }
  const valid = body.status === 'valid';
  const rows = [
    ['certificateStatus', valid ? t('valid') : `${t('revoked')}${body.revokedOn ? ` (${t('revokedOn')} ${date(body.revokedOn)})` : ''}`, 'status'],
    ['holder', body.holder ?? t('holderNotNamed'), 'holder'],
    ['skill', body.skill, 'skill'], ['level', body.level, 'level'], ['issuingBody', body.issuingBody, 'issuing-body'],
    ['assessor', body.assessor, 'assessor'], ['certifiedOn', date(body.certifiedOn), 'certified-on'],
  ];
  result.append(el('p', { class: valid ? 'valid' : 'error', id: 'verdict', text: valid ? t('valid') : t('revoked') }),
    el('dl', { class: 'facts' }, rows.flatMap(([key, value, id]) => [el('dt', { text: t(key) }), el('dd', { id, text: value })])));
}
