import { api, el, clear, startPage, table, money, date, dateTime, param, showError, facilityPicker } from './common.js';
import { t, term, timelineLine, isolate } from './i18n.js';

await startPage();
const content = document.getElementById('content');
const inmateId = param('inmate');
if (inmateId) await showJourney(inmateId); else await showList();

async function showList() {
  let facilityId = param('facilityId');
  const list = el('div', { id: 'inmate-list' });
  content.append(el('div', { class: 'toolbar' }, await facilityPicker(facilityId, id => { facilityId = id; load(); })), list);
  await load();
  async function load() {
    const query = new URLSearchParams({ pageSize: '100' });
    if (facilityId) query.set('facilityId', facilityId);
    try {
      const page = await api(`/inmates?${query}`);
      clear(list).append(table([t('prisonerNumber'), t('inmate'), t('sex'), t('status'), t('admitted'), ''],
        page.items.map(i => [i.prisonerNumber, i.fullName, i.sex, i.status, date(i.admittedAt),
          el('a', { href: `/journey?inmate=${i.inmateId}`, class: 'journey-link', text: t('journeyLink') })]), { id: 'inmates' }));
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

  document.querySelector('h1').textContent = `${t('journey')} · ${details.prisonerNumber ?? state.prisonerNumber}`;
  const fact = (label, value, key) => el('div', { class: 'figure', 'data-fact': key }, el('div', { class: 'label', text: label }), el('div', { text: value || '—' }));
  content.append(
    el('section', { class: 'figures', id: 'journey-facts' },
      fact(t('inmate'), details.fullName, 'name'), fact(t('status'), term(details.status ?? state.status), 'status'),
      fact(t('admitted'), date(state.admittedAt), 'admitted'), fact(t('expectedRelease'), date(state.expectedReleaseDate), 'release'),
      fact(t('programme'), programmes.join(', '), 'programme'), fact(t('mentor'), mentor, 'mentor')),
    el('h2', { text: t('skills') }),
    skills.length ? el('ul', { id: 'skills' }, skills.map(s => el('li', { text: s }))) : el('p', { class: 'muted', text: t('nothing') }),
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
