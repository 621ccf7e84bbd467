import { api, el, clear, startPage, facilityPicker, facilities, table, money, date, param, showError, urduFont } from './common.js';
import { t, term, language } from './i18n.js';

await startPage();
const content = document.getElementById('content');
let facilityId = param('facilityId');
const charts = [];
const palette = ['#0b6e4f', '#d64545', '#2680c2', '#f0b429', '#8719e0', '#3ebd93', '#e12d39', '#627d98'];

content.append(el('div', { class: 'toolbar' }, await facilityPicker(facilityId, id => { facilityId = id; load(); })));
const body = el('div', { id: 'dashboard' });
content.append(body);
await load();

function monthsBack(n) {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
}

/** The key figures, computed the same way the end-to-end test computes them from the API. */
export function keyFigures(view) {
  const inmates = (status, female) => view.inmates.filter(s => s.status === status && (female === undefined || s.female === female))
    .reduce((sum, s) => sum + s.inmates, 0);
  const monthly = (metric, field = 'count', female) => view.monthly.filter(m => m.metric === metric && (female === undefined || m.female === female))
    .reduce((sum, m) => sum + m[field], 0);
  return {
    'in-custody': inmates('admitted'), 'women-in-custody': inmates('admitted', true), released: inmates('released'),
    enrolments: monthly('enrolled'), certifications: monthly('certified'), 'items-produced': monthly('produced'), 'items-sold': monthly('sold'),
    proceeds: monthly('proceeds', 'amountMinor'), earnings: monthly('earnings', 'amountMinor'),
    'women-enrolments': monthly('enrolled', 'count', true), 'women-certifications': monthly('certified', 'count', true),
    'women-earnings': monthly('earnings', 'amountMinor', true),
    'venture-grants': monthly('venture_grant', 'amountMinor'), 'venture-returned': monthly('venture_returned', 'amountMinor'),
    'venture-fund-credited': monthly('venture_fund_credited', 'amountMinor'),
  };
}

async function load() {
  clear(body).append(el('p', { class: 'muted', text: t('loading') }));
  const query = new URLSearchParams({ from: monthsBack(23) });
  if (facilityId) query.set('facilityId', facilityId);
  history.replaceState(null, '', facilityId ? `?facilityId=${facilityId}` : location.pathname);
  let view;
  try { view = await api(`/read-models/dashboard?${query}`); } catch (e) { clear(body); showError(body, e); return; }
  for (const c of charts.splice(0)) c.destroy();
  clear(body);
  const f = keyFigures(view);
  const figure = (key, label, value) => el('div', { class: 'figure', 'data-figure': key },
    el('div', { class: 'value', text: value }), el('div', { class: 'label', text: label }));
  body.append(el('section', { class: 'figures', 'aria-label': 'key figures' },
    figure('in-custody', t('inCustody'), f['in-custody']), figure('women-in-custody', `${t('inCustody')} · ${t('women')}`, f['women-in-custody']),
    figure('released', t('released'), f.released), figure('enrolments', t('enrolments'), f.enrolments),
    figure('certifications', t('certifications'), f.certifications), figure('items-produced', t('itemsProduced'), f['items-produced']),
    figure('items-sold', t('itemsSold'), f['items-sold']), figure('proceeds', `${t('proceeds')} (PKR)`, money(f.proceeds)),
    figure('earnings', `${t('earnings')} (PKR)`, money(f.earnings))));

  const months = [...new Set(view.monthly.map(m => m.month.slice(0, 7)))].sort();
  const monthLabels = months.map(monthName);
  const chartBox = (id, title) => el('div', { class: 'chart' }, el('h2', { text: title }), el('canvas', { id, role: 'img', 'aria-label': title }));
  body.append(el('section', { class: 'charts' },
    chartBox('chart-enrolments', t('enrolmentsByCraft')), chartBox('chart-certifications', t('certificationsByCraft')),
    chartBox('chart-items', t('producedVsSold')), chartBox('chart-money', t('moneyPerMonth'))));
  byCraft('chart-enrolments', view, months, monthLabels, 'enrolled');
  byCraft('chart-certifications', view, months, monthLabels, 'certified');
  series('chart-items', monthLabels, [[t('itemsProduced'), perMonth(view, months, 'produced')], [t('itemsSold'), perMonth(view, months, 'sold')]], 'bar');
  series('chart-money', monthLabels, [[t('proceeds'), perMonth(view, months, 'proceeds', 'amountMinor').map(v => v / 100)],
    [t('earnings'), perMonth(view, months, 'earnings', 'amountMinor').map(v => v / 100)]], 'line');

  body.append(el('h2', { text: t('womensFigures') }), el('section', { class: 'figures' },
    figure('women-in-custody-2', t('inCustody'), f['women-in-custody']), figure('women-enrolments', t('enrolments'), f['women-enrolments']),
    figure('women-certifications', t('certifications'), f['women-certifications']),
    figure('women-earnings', `${t('earnings')} (PKR)`, money(f['women-earnings']))));

  const due = view.releasesDue;
  const yesNo = v => el('span', { class: v ? 'badge' : 'badge no', text: v ? t('yes') : t('no') });
  const rows = due.map(r => [
    el('a', { href: `/journey?inmate=${r.inmateId}`, text: r.prisonerNumber }), date(r.expectedRelease),
    el('span', { class: r.dueWithin30Days ? 'badge warn' : 'badge', text: r.dueWithin30Days ? t('within30') : t('within90') }),
    r.female ? t('women') : t('men'), yesNo(r.skillCertified), yesNo(r.mentorAssigned), String(r.mentoringContactsLast30Days),
    money(r.savingsMinor), readiness(r.readiness)]);
  body.append(el('h2', {}, `${t('releasesDue')} `, el('span', { class: 'muted', id: 'releases-count', text: `(${due.length})` })),
    due.length ? table([t('prisonerNumber'), t('expectedRelease'), t('ready'), t('sex'), t('certified'), t('mentor'), t('contacts30'), t('savings'), t('readiness')],
      rows, { id: 'releases-due' }) : el('p', { class: 'muted', text: t('nothing') }));

  await ventures(view, f, figure);
  await occupancy();
  await marketAccess();

  // reminders the welfare team was sent (90 and 30 days before release) that still stand
  const reminders = await api(`/read-models/release-reminders${facilityId ? `?facilityId=${facilityId}` : ''}`);
  body.append(el('h2', {}, `${t('readinessReminders')} `, el('span', { class: 'muted', id: 'reminders-count', text: `(${reminders.length})` })),
    reminders.length ? table([t('prisonerNumber'), t('expectedRelease'), t('daysBefore'), t('missing')], reminders.map(r => [
      el('a', { href: `/journey?inmate=${r.inmateId}`, text: r.prisonerNumber }), date(r.expectedReleaseDate), String(r.daysBefore),
      r.missing.map(m => t(`missing_${m}`)).join(', ')]), { id: 'release-reminders' }) : el('p', { class: 'muted', text: t('nothing') }));
}

/** A badge per readiness item and plan goal, coloured by its status (met, on track, behind, dropped, missing). */
function readiness(checks) {
  return el('span', { class: 'readiness' }, ...(checks ?? []).map(c => {
    const what = c.item === 'goal' ? term(c.kind) : t(`readiness_${c.item}`);
    const label = `${what}: ${t(`status_${c.status}`)}`;
    return el('span', { class: c.status === 'met' || c.status === 'on_track' ? 'badge' : 'badge warn', 'data-status': c.status,
      title: c.description ? `${c.description}${c.targetDate ? ` (${date(c.targetDate)})` : ''}` : what, text: label });
  }));
}

/** Ventures by facility and stage, and the venture fund's money in, out and back over the months shown. */
async function ventures(view, f, figure) {
  const names = new Map((await facilities()).map(x => [x.facilityId, x.name]));
  body.append(el('h2', { text: t('ventures') }), el('section', { class: 'figures', 'aria-label': t('ventures') },
    figure('venture-fund-credited', `${t('fundCredited')} (PKR)`, money(f['venture-fund-credited'])),
    figure('venture-grants', `${t('grantsOut')} (PKR)`, money(f['venture-grants'])),
    figure('venture-returned', `${t('moneyBack')} (PKR)`, money(f['venture-returned']))));
  const rows = view.ventures.map(v => [names.get(v.facilityId) ?? v.facilityId, term(v.stage), term(v.kind), String(v.ventures),
    String(v.registered), String(v.firstSale), String(v.firstMonthProfitable), money(v.grantedMinor), money(v.returnedMinor)]);
  body.append(rows.length
    ? table([t('facility'), t('ventureStage'), t('ventureKind'), t('ventureCount'), t('registered'), t('firstSale'), t('firstMonthProfitable'),
      t('grantsOut'), t('moneyBack')], rows, { id: 'ventures' })
    : el('p', { class: 'muted', text: t('nothing') }));
}

/** Each ward against its certified capacity (a row per facility when none is chosen), and the chosen facility's monthly peaks. */
async function occupancy() {
  const chosen = facilityId ? [{ facilityId }] : await facilities();
  const views = await Promise.all(chosen.map(f => api(`/read-models/facilities/${f.facilityId}/occupancy`)));
  const pct = rate => (rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`);
  const over = w => w.capacity !== null && w.occupancy > w.capacity;
  const rows = facilityId
    ? views[0].wards.map(w => [w.name, String(w.occupancy), w.capacity === null ? '–' : String(w.capacity),
      el('span', { class: over(w) ? 'badge warn' : 'badge', text: pct(w.rate) })])
    : views.map((v, i) => [chosen[i].name, String(v.occupancy), v.capacity === null ? '–' : String(v.capacity),
      el('span', { class: v.wards.some(over) ? 'badge warn' : 'badge', text: pct(v.rate) })]);
  body.append(el('h2', { text: t('occupancy') }),
    table([facilityId ? t('ward') : t('facility'), t('occupancyNow'), t('capacity'), t('rate')], rows, { id: 'occupancy' }));
  if (!facilityId || views[0].wards.length === 0) return;
  const months = views[0].wards[0].months.map(m => m.month);
  body.append(el('section', { class: 'charts' }, el('div', { class: 'chart' }, el('h2', { text: t('monthlyPeaks') }),
    el('canvas', { id: 'chart-occupancy', role: 'img', 'aria-label': t('monthlyPeaks') }))));
  series('chart-occupancy', months.map(monthName), views[0].wards.map(w => [w.name, w.months.map(m => m.capacity ? m.peak / m.capacity * 100 : null)]), 'line');
}

/** Sales by channel, through which partners, and per month by channel (exhibition, online, partner orders, shop). */
async function marketAccess() {
  const query = new URLSearchParams({ from: monthsBack(11) });
  if (facilityId) query.set('facilityId', facilityId);
  const view = await api(`/read-models/market-access?${query}`);
  body.append(el('h2', { text: t('marketAccess') }),
    el('h3', { text: t('salesByChannel') }),
    view.byChannel.length ? table([t('channel'), t('sales'), t('proceeds')],
      view.byChannel.map(c => [term(c.channel), String(c.sales), `${money(c.proceedsMinor)} ${c.currency}`]), { id: 'sales-by-channel' })
      : el('p', { class: 'muted', text: t('nothing') }),
    el('h3', { text: t('salesByPartner') }),
    view.byPartner.length ? table([t('partner'), t('sales'), t('proceeds')],
      view.byPartner.map(p => [p.name, String(p.sales), `${money(p.proceedsMinor)} ${p.currency}`]), { id: 'sales-by-partner' })
      : el('p', { class: 'muted', text: t('nothing') }));
  const months = [...new Set(view.byMonth.map(m => m.month))].sort();
  if (months.length === 0) return;
  const channels = [...new Set(view.byMonth.map(m => m.channel))].sort();
  body.append(el('section', { class: 'charts' }, el('div', { class: 'chart' }, el('h2', { text: t('salesPerMonthByChannel') }),
    el('canvas', { id: 'chart-market', role: 'img', 'aria-label': t('salesPerMonthByChannel') }))));
  series('chart-market', months.map(monthName), channels.map(channel => [term(channel),
    months.map(month => view.byMonth.filter(m => m.month === month && m.channel === channel).reduce((sum, m) => sum + m.proceedsMinor, 0) / 100)]), 'bar', true);
}

function perMonth(view, months, metric, field = 'count', filter = () => true) {
  return months.map(month => view.monthly.filter(m => m.metric === metric && m.month.startsWith(month) && filter(m))
    .reduce((sum, m) => sum + m[field], 0));
}

/** A month (yyyy-MM) as the page's language names it. */
function monthName(month) {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString(language() === 'ur' ? 'ur-PK' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function byCraft(id, view, months, labels, metric) {
  const crafts = [...new Set(view.monthly.filter(m => m.metric === metric && m.craft).map(m => m.craft))].sort();
  series(id, labels, crafts.map(craft => [term(craft), perMonth(view, months, metric, 'count', m => m.craft === craft)]), 'bar', true);
}

function series(id, labels, sets, type, stacked = false) {
  if (typeof Chart === 'undefined') return;
  const canvas = document.getElementById(id);
  // the canvas draws with Chart.js's own font unless told: Urdu needs the shipped font, and legends read right to left
  const rtl = language() === 'ur';
  const font = { family: rtl ? `"${urduFont}", system-ui, sans-serif` : 'system-ui, sans-serif', size: rtl ? 13 : 12 };
  const direction = { rtl, textDirection: rtl ? 'rtl' : 'ltr' };
  charts.push(new Chart(canvas, {
    type,
    data: { labels, datasets: sets.map(([label, data], i) => ({ label, data, backgroundColor: palette[i % palette.length], borderColor: palette[i % palette.length] })) },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false, font,
      plugins: { legend: { ...direction, labels: { font } }, tooltip: { ...direction, titleFont: font, bodyFont: font } },
      scales: { x: { stacked, reverse: rtl, ticks: { font } }, y: { stacked, beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { font } } },
    },
  }));
}
