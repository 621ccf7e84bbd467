import { api, el, clear, startPage, table, money, dateTime, param, showError } from './common.js';
import { t } from './i18n.js';

await startPage();
const content = document.getElementById('content');
const inmateId = param('inmate');
if (!inmateId) { location.href = '/journey'; }

const today = new Date().toISOString().slice(0, 10);
const asOf = el('input', { type: 'date', id: 'as-of', value: param('asOf') ?? today, max: today });
const csv = el('a', { class: 'button', id: 'download-csv', href: `/audit/wages/inmates/${inmateId}/statement?format=csv`, download: `statement-${inmateId}.csv`, text: t('downloadCsv') });
const body = el('div', { id: 'statement' });
content.append(el('div', { class: 'toolbar' }, el('label', {}, el('span', { text: t('asOf') }), asOf), csv), body);
asOf.addEventListener('change', load);
await load();

function endOfDay(day) { return `${day}T23:59:59.999Z`; }

/** Balances as the record stood at the end of the day (audit time travel), and the postings that happened by then. */
async function statementAsOf(day) {
  const at = encodeURIComponent(endOfDay(day));
  const [balances, lines] = await Promise.all([
    api(`/audit/wages/inmates/${inmateId}/balances?asOf=${at}`),
    api(`/read-models/wages/inmates/${inmateId}/statement`),
  ]);
  return { balances, lines: lines.filter(l => l.occurredAt <= endOfDay(day)) };
}

async function load() {
  history.replaceState(null, '', `?inmate=${inmateId}&asOf=${asOf.value}`);
  clear(body).append(el('p', { class: 'muted', text: t('loading') }));
  let result;
  try { result = await statementAsOf(asOf.value || today); } catch (e) { clear(body); showError(body, e); return; }
  const { balances, lines } = result;
  clear(body).append(
    el('section', { class: 'figures', id: 'statement-balances' },
      figure('spendable', t('spendable'), balances.spendableMinor), figure('savings', t('savings'), balances.savingsMinor),
      figure('family', t('family'), balances.familyMinor)),
    lines.length ? table([t('when'), t('source'), t('description'), t('spendable'), t('savings'), t('family')],
      lines.map(l => [dateTime(l.occurredAt), l.source, l.description, money(l.spendableMinor), money(l.savingsMinor), money(l.familyMinor)]),
      { id: 'statement-lines' }) : el('p', { class: 'muted', id: 'statement-empty', text: t('nothing') }));
}

function figure(key, label, minor) {
  return el('div', { class: 'figure', 'data-balance': key }, el('div', { class: 'value', text: money(minor) }), el('div', { class: 'label', text: label }));
}
