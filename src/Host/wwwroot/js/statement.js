import { api, el, clear, startPage, table, money, dateTime, param, showError } from './common.js';
import { t } from './i18n.js';

await startPage();
const content = document.getElementById('content');
const inmateId = param('inmate');
if (!inmateId) { location.href = '/journey'; }

// two axes, never mixed: the date postings took effect by, and the instant the record is read as it stood at (empty: now)
const today = new Date().toLocaleDateString('en-CA');
const asOf = el('input', { type: 'date', id: 'as-of', value: param('asOf') ?? today });
const knownAt = el('input', { type: 'datetime-local', id: 'known-at', step: '1', value: localInput(param('knownAt')) });
const csv = el('a', { class: 'button', id: 'download-csv', download: '', text: t('downloadCsv') });
const whose = el('p', { id: 'statement-of' });
const axes = el('p', { class: 'muted', id: 'statement-axes' });
const body = el('div', { id: 'statement' });
content.append(whose, el('div', { class: 'toolbar' },
  el('label', {}, el('span', { text: t('effectiveOn') }), asOf), el('label', {}, el('span', { text: t('knownAt') }), knownAt), csv), axes, body);
asOf.addEventListener('change', load);
knownAt.addEventListener('change', load);
await Promise.all([showWhose(), load()]);

/** "2026-10-01T09:30:00.000Z" as the value of a datetime-local input, in the browser's time. */
function localInput(iso) {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
}

function query() {
  const q = new URLSearchParams();
  if (asOf.value) q.set('asOf', asOf.value);
  if (knownAt.value) q.set('knownAt', new Date(knownAt.value).toISOString());
  return q;
}

async function showWhose() {
  try {
    const view = await api(`/inmates/${inmateId}`);
    const number = view.details?.prisonerNumber ?? view.state?.prisonerNumber ?? '';
    const name = view.details?.fullName ?? '';
    document.querySelector('h1').textContent = `${t('statement')} · ${number}`;
    whose.textContent = `${t('statementOf')} ${[name, number && `${t('prisonerNumber')} ${number}`].filter(Boolean).join(' · ')}`;
  } catch { whose.textContent = `${t('statementOf')} ${inmateId}`; }
}

async function load() {
  const q = query().toString();
  history.replaceState(null, '', `?inmate=${inmateId}${q ? `&${q}` : ''}`);
  csv.href = `/audit/wages/inmates/${inmateId}/statement?${q ? `${q}&` : ''}format=csv`;
  clear(body).append(el('p', { class: 'muted', text: t('loading') }));
  let s;
  try { s = await api(`/audit/wages/inmates/${inmateId}/statement?${q}`); } catch (e) { clear(body); showError(body, e); return; }
  axes.textContent = `${t('effectiveOn')} ${s.asOf ?? t('everyDate')} · `
    + (s.knownAt ? `${t('knownAt')} ${dateTime(s.knownAt)}` : t('everythingRecorded'));
  clear(body).append(
    el('section', { class: 'figures', id: 'statement-balances' },
      figure('spendable', t('spendable'), s.spendableMinor), figure('savings', t('savings'), s.savingsMinor),
      figure('family', t('family'), s.familyMinor)),
    s.lines.length ? table([t('tookEffect'), t('recordedAt'), t('source'), t('description'), t('spendable'), t('savings'), t('family')],
      s.lines.map(l => [dateTime(l.occurredAt), dateTime(l.recordedAt), l.source, l.description, money(l.spendableMinor), money(l.savingsMinor),
        money(l.familyMinor)]), { id: 'statement-lines' }) : el('p', { class: 'muted', id: 'statement-empty', text: t('nothing') }));
}

function figure(key, label, minor) {
  return el('div', { class: 'figure', 'data-balance': key }, el('div', { class: 'value', text: money(minor) }), el('div', { class: 'label', text: label }));
}
