import { api, el, clear, startPage, table, money, date, dateTime, param, showError, facilityPicker } from './common.js';
import { t, term, timelineLine, isolate } from './i18n.js';

await startPage();
const content = document.getElementById('content');
const inmateId = param('inmate');
if (inmateId) await showJourney(inmateId); else await showList();

/** The inmates a page at a time, found by prisoner number or name; facility, search and page stay in the address. */
async function showList() {
  const pageSize = 50;
  let facilityId = param('facilityId');
  let search = param('search') ?? '';
  let page = Math.max(1, Number.parseInt(param('page') ?? '1', 10) || 1);
  const list = el('div', { id: 'inmate-list' });
  const box = el('input', { type: 'search', id: 'inmate-search', name: 'search', value: search, maxlength: 100, autocomplete: 'off' });
  const searchForm = el('form', { class: 'search', role: 'search', onsubmit: e => { e.preventDefault(); search = box.value.trim(); page = 1; load(); } },
    el('label', {}, el('span', { text: t('findInmate') }), box), el('button', { type: 'submit', id: 'inmate-search-submit', text: t('search') }));
  content.append(el('div', { class: 'toolbar' }, await facilityPicker(facilityId, id => { facilityId = id; page = 1; load(); }), searchForm), list);
  await load();

  async function load() {
    const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (facilityId) query.set('facilityId', facilityId);
    if (search) query.set('search', search);
    const address = new URLSearchParams(query);
    address.delete('pageSize');
    if (page === 1) address.delete('page');
    history.replaceState(null, '', address.size ? `?${address}` : location.pathname);
    try {
      const result = await api(`/inmates?${query}`);
      const pages = Math.max(1, Math.ceil(result.totalCount / result.pageSize));
      if (result.items.length === 0 && page > pages) { page = pages; return load(); }
      const first = result.items.length ? (result.page - 1) * result.pageSize + 1 : 0;
      const shown = t('shownOf').replace('{first}', first).replace('{last}', first ? first + result.items.length - 1 : 0)
        .replace('{total}', result.totalCount);
      const pager = el('nav', { class: 'pager', 'aria-label': t('pages') },
        el('button', { type: 'button', id: 'previous-page', disabled: result.page <= 1, onclick: () => { page -= 1; load(); }, text: t('previous') }),
        el('span', { id: 'page-status', 'aria-live': 'polite', text: shown }),
        el('button', { type: 'button', id: 'next-page', disabled: result.page >= pages, onclick: () => { page += 1; load(); }, text: t('next') }));
      clear(list).append(result.items.length
        ? table([t('prisonerNumber'), t('inmate'), t('sex'), t('status'), t('admitted'), ''],
          result.items.map(i => [i.prisonerNumber, i.fullName, i.sex, i.status, date(i.admittedAt),
            el('a', { href: `/journey?inmate=${i.inmateId}`, class: 'journey-link', text: t('journeyLink') })]), { id: 'inmates' })
        : el('p', { class: 'muted', id: 'no-inmates', text: t('nothing') }), pager);
    } catch (e) { clear(list); showError(list, e); }
  }
}

async function showJourney(id) {
  let view, timeline, statement;
  try {
    [view, timeline, statement] = await Promise.all([
      api(`/inmates/${id}`), api(`/read-models/inmates/${id}/timeline`), api(`/read-models/wages/inmates/${id}/statement`).catch(() => []),
    ]);
  } catch (e) { showError(content, e); return; }
  const state = view.state, details = view.details ?? {};
  const enrolments = Object.entries(state.enrolments ?? {});
  const current = enrolments.filter(([, status]) => String(status) === 'Active').map(([pid]) => pid);
  const programmes = (await Promise.all(current.map(pid => api(`/programmes/${pid}`).then(p => p.details?.name).catch(() => null)))).filter(Boolean);
  const mentor = state.mentorId ? await api(`/mentors/${state.mentorId}`).then(m => m.details?.fullName).catch(() => null) : null;
  const skills = timeline.filter(e => e.eventType.startsWith('skill_certified')).map(describe);
  const last = statement.at(-1);
  const certificates = Object.values(state.certificates ?? {});

  document.querySelector('h1').textContent = `${t('journey')} · ${details.prisonerNumber ?? state.prisonerNumber}`;
  const fact = (label, value, key) => el('div', { class: 'figure', 'data-fact': key }, el('div', { class: 'label', text: label }), el('div', { text: value || '—' }));
  content.append(
    el('section', { class: 'figures', id: 'journey-facts' },
      fact(t('inmate'), details.fullName, 'name'), fact(t('status'), state.diedAt ? `${t('diedInCustody')} · ${date(state.diedAt)}` : term(details.status ?? state.status), 'status'),
      fact(t('admitted'), date(state.admittedAt), 'admitted'), fact(t('expectedRelease'), date(state.expectedReleaseDate), 'release'),
      fact(t('programme'), programmes.join(', '), 'programme'), fact(t('mentor'), mentor, 'mentor')),
    el('h2', { text: t('skills') }),
    skills.length ? el('ul', { id: 'skills' }, skills.map(s => el('li', { text: s }))) : el('p', { class: 'muted', text: t('nothing') }),
    certificates.length ? el('ul', { id: 'certificates' }, certificates.map(c => el('li', {},
      el('a', { href: `/certificate?inmate=${id}&number=${encodeURIComponent(c.certificateNumber)}`, text: `${t('certificate')} ${c.certificateNumber}` }),
      c.revokedReason ? ` (${t('revoked')})` : ''))) : null,
    el('h2', { text: t('balances') }),
    el('section', { class: 'figures', id: 'balances' },
      fact(t('spendable'), money(last?.spendableBalance), 'spendable'), fact(t('savings'), money(last?.savingsBalance), 'savings'),
      fact(t('family'), money(last?.familyBalance), 'family')),
    el('p', {}, el('a', { href: `/statement?inmate=${id}`, id: 'statement-link', text: t('statementLink') })),
    el('h2', { text: t('timeline') }),
    table([t('when'), t('what'), t('recordedBy'), t('recordedAt')],
      timeline.map(e => [dateTime(e.occurredAt), describe(e), recorder(e), dateTime(e.recordedAt)]), { id: 'timeline' }));
}

/** The line in the page's language from its parts (names, amounts, values), else the recorded English summary. */
function describe(entry) {
  return timelineLine(entry.eventType, entry.summaryParts, part) ?? entry.summary;
}

function part(key, value, parts) {
  if (key === 'amount') return isolate(`${parts.currency ?? ''} ${money(parts.amountMinor)}`.trim());
  if (key === 'date') return date(value);
  return isolate(term(value));
}

/** The recorder's display name; the actor as recorded where there is none (or it is withheld from this reader). */
function recorder(entry) {
  return entry.recordedBy && entry.recordedBy !== '[redacted]' ? entry.recordedBy : (entry.actor ?? '');
}
