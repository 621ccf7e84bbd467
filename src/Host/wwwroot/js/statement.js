import { api, el, clear, startPage, table, money, dateTime, param, showError } from './common.js';
import { t } from './i18n.js';

await startPage();
const content = document.getElementById('content');
const inmateId = param('inmate');
if (!inmateId) { location.href = '/journey'; }

const today = new Date().toISOString().slice(0, 10);
const asOf = el('input', { type: 'date', id: 'as-of', value: param('asOf') ?? today, max: today });
const csv = el('a', { class: 'button', id: 'download-csv', text: t('downloadCsv') });
const body = el('div', { id: 'statement' });
content.append(el('div', { class: 'toolbar' }, el('label', {}, el('span', { text: t('asOf') }), asOf), csv), body);
asOf.addEventListener('change', load);
await load();

function endOfDay(day) { return `${day}T23:59:59.999Z`; }

/** Uses the audit time-travel endpoint when it exists, else cuts the live statement at the date. */
async function statementAsOf(day) {
  try {
    const r = await api(`/audit/wages/inmates/${inmateId}/statement?asOf=${encodeURIComponent(endOfDay(day))}`);
    return { lines: r.lines ?? r, csvUrl: `/audit/wages/inmates/${inmateId}/statement?asOf=${encodeURIComponent(endOfDay(day))}&format=csv` };
  } catch (e) {
    if (e.status !== 404 && e.status !== 405) throw e;
    const lines = await api(`/read-models/wages/inmates/${inmateId}/statement`);
    return { lines: lines.filter(l => l.occurredAt <= endOfDay(day)), csvUrl: null };
  }
}

async function load() {
  history.replaceState(null, '', `?inmate=${inmateId}&asOf=${asOf.value}`);
  clear(body).append(el('p', { class: 'muted', text: t('loading') }));
  let result;
  try { result = await statementAsOf(asOf.value || today); } catch (e) { clear(body); showError(body, e); return; }
  const { lines, csvUrl } = result;
  const last = lines.at(-1);
  setCsv(lines, csvUrl);
  clear(body).append(
    el('section', { class: 'figures', id: 'statement-balances' },
      figure('spendable', t('spendable'), last?.spendableBalance), figure('savings', t('savings'), last?.savingsBalance),
      figure('family', t('family'), last?.familyBalance)),
    lines.length ? table([t('when'), t('source'), t('description'), t('spendable'), t('savings'), t('family')],
      lines.map(l => [dateTime(l.occurredAt), l.source, l.description, money(l.spendableMinor), money(l.savingsMinor), money(l.familyMinor)]),
      { id: 'statement-lines' }) : el('p', { class: 'muted', id: 'statement-empty', text: t('nothing') }));
}

function figure(key, label, minor) {
  return el('div', { class: 'figure', 'data-balance': key }, el('div', { class: 'value', text: money(minor) }), el('div', { class: 'label', text: label }));
}

function setCsv(lines, csvUrl) {
  csv.setAttribute('download', `statement-${inmateId}-${asOf.value}.csv`);
  if (csvUrl) { csv.href = csvUrl; return; }
  const cell = v => `"${String(v ?? '').replaceAll('"', '""')}"`;
  const rows = [['occurred_at', 'source', 'description', 'spendable_minor', 'savings_minor', 'family_minor', 'spendable_balance', 'savings_balance', 'family_balance', 'currency'],
    ...lines.map(l => [l.occurredAt, l.source, l.description, l.spendableMinor, l.savingsMinor, l.familyMinor, l.spendableBalance, l.savingsBalance, l.familyBalance, l.currency])];
  if (csv.href.startsWith('blob:')) URL.revokeObjectURL(csv.href);
  csv.href = URL.createObjectURL(new Blob([rows.map(r => r.map(cell).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv' }));
}
