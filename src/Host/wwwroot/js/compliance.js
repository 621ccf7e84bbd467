import { api, el, clear, startPage, table, dateTime, param, showError, facilities } from './common.js';
import { t, ruleTitle } from './i18n.js';

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
      .map(c => [rule(c.ruleCode, c.title), el('span', { class: 'muted', text: c.source }), String(c.open), String(c.total)]), { id: 'rule-counts' }));
    renderFindings(r.findings);
    renderNotifications(await api(`/oversight/facilities/${facilityId}/notifications`));
  } catch (e) { clear(body); showError(body, e); }
}

function renderFindings(findings) {
  if (!findings.length) { body.append(el('p', { class: 'muted', text: t('noFindings') })); return; }
  const byRule = group(findings, f => f.ruleCode);
  for (const [code, items] of byRule) {
    body.append(el('h2', { class: 'rule', 'data-rule': code }, ruleTitle(code, items[0].ruleTitle), ' ', el('code', { class: 'rule-code', text: code }), ' ',
      el('span', { class: 'muted', text: `(${items.length})` })));
    for (const f of items) {
      body.append(el('details', { class: 'finding', 'data-rule': code },
        // a ward's finding (overcrowding) has no inmate: its detail names the ward
        el('summary', {}, f.wardId ? el('span', { class: 'ward', text: t('ward') })
          : el('a', { href: `/journey?inmate=${f.inmateId}`, class: 'inmate', text: inmateLabel(f) }), ` · ${dateTime(f.periodStart)} – ${dateTime(f.periodEnd)} `,
          f.isOpen ? el('span', { class: 'badge warn', text: t('open') }) : null),
        el('p', { text: f.detail ?? '' }),
        el('strong', { text: t('evidence') }),
        el('ol', { class: 'evidence' }, (f.evidence ?? []).map(ev => el('li', {},
          `${ev.what} — ${t('happenedAt')} ${dateTime(ev.occurredAt ?? ev.recordedAt)}, ${t('recordedAt')} ${dateTime(ev.recordedAt)}`
          + ` — ${ev.streamId} v${ev.version}`)))));
    }
  }
}

/** Who was told of which finding, and by when (recorded from the durable messages the sweep sent). */
function renderNotifications(notifications) {
  body.append(el('h2', {}, `${t('notifications')} `, el('span', { class: 'muted', id: 'notifications-count', text: `(${notifications.length})` })));
  if (!notifications.length) { body.append(el('p', { class: 'muted', text: t('nothing') })); return; }
  body.append(table([t('rule'), t('recipient'), t('openedAt'), t('dueBy'), ''], notifications.map(n => [
    ruleTitle(n.ruleCode, n.ruleCode), n.recipient, dateTime(n.openedAt), dateTime(n.dueBy),
    el('a', { href: `/journey?inmate=${n.inmateId}`, text: t('journey') })]), { id: 'notifications' }));
}

/** A rule as its plain title with the code beside it. */
function rule(code, title) {
  return el('span', { class: 'rule' }, ruleTitle(code, title), ' ', el('code', { class: 'rule-code', text: code }));
}

/** The inmate by name and prisoner number, or by prisoner number alone where the reader may not see names. */
function inmateLabel(f) {
  const named = f.fullName && f.fullName !== '[redacted]';
  if (named && f.prisonerNumber) return `${f.fullName} (${f.prisonerNumber})`;
  return named ? f.fullName : f.prisonerNumber ?? f.inmateId.slice(0, 8);
}

function group(items, key) {
  const map = new Map();
  for (const item of items) { const k = key(item); if (!map.has(k)) map.set(k, []); map.get(k).push(item); }
  return map;
}
