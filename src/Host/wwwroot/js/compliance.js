import { api, el, clear, startPage, table, dateTime, param, showError, facilities } from './common.js';
import { t } from './i18n.js';

await startPage();
const content = document.getElementById('content');
const list = await facilities();
let facilityId = param('facilityId') ?? list[0]?.facilityId;
const picker = el('select', { id: 'facility', onchange: e => { facilityId = e.target.value; load(); } },
  list.map(f => el('option', { value: f.facilityId, selected: f.facilityId === facilityId, text: f.name })));
const report = el('a', { class: 'button', id: 'download-report', text: t('downloadReport') });
const body = el('div', { id: 'compliance' });
content.append(el('div', { class: 'toolbar' }, el('label', {}, el('span', { text: t('facility') }), picker), report), body);
await load();

async function load() {
  // the effective date and the known-at instant, when the address gives them, go to the report and its download alike
  const axes = new URLSearchParams();
  for (const key of ['asOf', 'knownAt']) if (param(key)) axes.set(key, param(key));
  const asked = axes.toString() ? `&${axes}` : '';
  history.replaceState(null, '', `?facilityId=${facilityId}${asked}`);
  clear(body).append(el('p', { class: 'muted', text: t('loading') }));
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 730 * 864e5).toISOString().slice(0, 10);
  const query = `from=${from}&to=${to}${asked}`;
  report.href = `/oversight/facilities/${facilityId}/report?${query}&format=csv`;
  report.setAttribute('download', `oversight-${facilityId}.csv`);
  try {
    const r = await api(`/oversight/facilities/${facilityId}/report?${query}`);
    clear(body);
    body.append(el('p', { class: 'muted', id: 'report-axes', text: `${t('judgedAt')} ${dateTime(r.judgedAt)} · ${t('effectiveOn')} `
      + `${r.asOf ?? t('everyDate')} · ${r.knownAt ? `${t('knownAt')} ${dateTime(r.knownAt)}` : t('everythingRecorded')}` }));
    body.append(table([t('rule'), '', t('open'), t('total')], r.counts.filter(c => c.total > 0)
      .map(c => [c.ruleCode, el('span', { class: 'muted', text: c.source }), String(c.open), String(c.total)]), { id: 'rule-counts' }));
    renderFindings(r.findings);
  } catch (e) { clear(body); showError(body, e); }
}

function renderFindings(findings) {
  if (!findings.length) { body.append(el('p', { class: 'muted', text: t('noFindings') })); return; }
  const byRule = group(findings, f => f.ruleCode);
  for (const [rule, items] of byRule) {
    body.append(el('h2', { class: 'rule', 'data-rule': rule }, `${rule} `, el('span', { class: 'muted', text: `(${items.length})` })));
    for (const f of items) {
      body.append(el('details', { class: 'finding', 'data-rule': rule },
        el('summary', {}, el('a', { href: `/journey?inmate=${f.inmateId}`, text: f.inmateId.slice(0, 8) }), ` · ${dateTime(f.periodStart)} – ${dateTime(f.periodEnd)} `,
          f.isOpen ? el('span', { class: 'badge warn', text: t('open') }) : null),
        el('p', { text: f.detail ?? '' }),
        el('strong', { text: t('evidence') }),
        el('ol', { class: 'evidence' }, (f.evidence ?? []).map(ev => el('li', {},
          `${ev.what} — ${t('happenedAt')} ${dateTime(ev.occurredAt ?? ev.recordedAt)}, ${t('recordedAt')} ${dateTime(ev.recordedAt)}`
          + ` — ${ev.streamId} v${ev.version}`)))));
    }
  }
}

function group(items, key) {
  const map = new Map();
  for (const item of items) { const k = key(item); if (!map.has(k)) map.set(k, []); map.get(k).push(item); }
  return map;
}
