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
  history.replaceState(null, '', `?facilityId=${facilityId}`);
  clear(body).append(el('p', { class: 'muted', text: t('loading') }));
  report.href = `/oversight/facilities/${facilityId}/report?format=csv`;
  report.setAttribute('download', `oversight-${facilityId}.csv`);
  try {
    const findings = await findingsOf(facilityId);
    clear(body);
    if (findings) renderFindings(findings); else await renderFacts();
  } catch (e) { clear(body); showError(body, e); }
}

async function findingsOf(id) {
  try {
    const r = await api(`/oversight/facilities/${id}/report`);
    return r.findings ?? r;
  } catch (e) {
    if (e.status === 404 || e.status === 405) { report.hidden = true; return null; }
    throw e;
  }
}

function renderFindings(findings) {
  if (!findings.length) { body.append(el('p', { class: 'muted', text: t('noFindings') })); return; }
  const byRule = Map.groupBy ? Map.groupBy(findings, f => f.ruleCode ?? f.rule) : group(findings, f => f.ruleCode ?? f.rule);
  for (const [rule, items] of byRule) {
    body.append(el('h2', { class: 'rule', 'data-rule': rule }, `${rule} `, el('span', { class: 'muted', text: `(${items.length})` })));
    for (const f of items) {
      body.append(el('details', { class: 'finding', 'data-rule': rule },
        el('summary', {}, `${f.prisonerNumber ?? f.inmateId} · ${dateTime(f.periodStart)} – ${dateTime(f.periodEnd)} `,
          f.isOpen ? el('span', { class: 'badge warn', text: t('open') }) : null),
        el('p', { text: f.detail ?? '' }),
        el('strong', { text: t('evidence') }),
        el('ol', { class: 'evidence' }, (f.evidence ?? []).map(ev => el('li', {},
          `${ev.what} — ${ev.streamId} v${ev.version}, ${t('recordedAt')} ${dateTime(ev.recordedAt)}`,
          ev.occurredAt ? ` (${t('when')} ${dateTime(ev.occurredAt)})` : '')))));
    }
  }
}

/** Until oversight findings exist: the recorded facts the rules read, grouped by kind. */
async function renderFacts() {
  const from = new Date(Date.now() - 2 * 366 * 864e5).toISOString();
  const facts = await api(`/read-models/compliance/facilities/${facilityId}?from=${encodeURIComponent(from)}&limit=2000`);
  body.append(el('h2', { text: t('facts') }));
  for (const [kind, items] of group(facts, f => f.kind)) {
    body.append(el('details', { class: 'finding', 'data-kind': kind }, el('summary', { text: `${kind} (${items.length})` }),
      table([t('prisonerNumber'), t('period'), t('detail')], items.slice(0, 200).map(f =>
        [f.prisonerNumber, `${dateTime(f.startsAt)}${f.endsAt ? ' – ' + dateTime(f.endsAt) : ''}`, f.detail]))));
  }
}

function group(items, key) {
  const map = new Map();
  for (const item of items) { const k = key(item); if (!map.has(k)) map.set(k, []); map.get(k).push(item); }
  return map;
}
