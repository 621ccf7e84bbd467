// Provinces, for national administrators: each province's database and whether it is served; disable one (with a
// reason), enable it again, add one. The API refuses whatever this page may not do, with a reason shown here.
import { api, el, clear, startPage, table, showError, dateTime } from './common.js';
import { t } from './i18n.js';

await startPage();
const content = document.getElementById('content');
const messages = el('div', { id: 'province-messages', 'aria-live': 'polite' });
const body = el('div', { id: 'provinces' });
content.append(messages, body, addForm());
await load();

async function load() {
  let provinces;
  try { provinces = await api('/admin/tenants'); } catch (e) { clear(body); showError(body, e); return; }
  const rows = provinces.map(p => [
    p.tenantId, p.name, `${p.host} · ${p.database}`,
    p.disabled
      ? el('span', { class: 'badge no', text: `${t('provinceDisabled')} ${dateTime(p.disabledAt)}: ${p.disabledReason ?? ''}` })
      : el('span', { class: 'badge', text: t('provinceServed') }),
    p.disabled
      ? el('button', { type: 'button', 'data-enable': p.tenantId, onclick: () => act(`/admin/tenants/${encodeURIComponent(p.tenantId)}/enable`, {}), text: t('enable') })
      : el('span', { class: 'inline-form' },
          el('input', { type: 'text', id: `reason-${p.tenantId}`, maxlength: 2000, placeholder: t('reason'), 'aria-label': `${t('reason')} (${p.tenantId})` }), ' ',
          el('button', { type: 'button', 'data-disable': p.tenantId, onclick: () => act(`/admin/tenants/${encodeURIComponent(p.tenantId)}/disable`,
            { reason: document.getElementById(`reason-${p.tenantId}`).value }), text: t('disable') })),
  ]);
  clear(body).append(rows.length > 0
    ? table([t('tenantId'), t('name'), t('database'), t('state'), ''], rows, { id: 'province-list' })
    : el('p', { text: t('nothing') }));
}

async function act(path, payload) {
  clear(messages);
  try {
    await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
  } catch (e) { showError(messages, e); }
  await load();
}

function addForm() {
  const field = (name, label, type = 'text') => el('label', {}, el('span', { text: label }), el('input', { type, name, id: `add-${name}`, required: true }));
  const form = el('form', { id: 'add-province', class: 'toolbar', onsubmit: async e => {
    e.preventDefault();
    const data = new FormData(form);
    await act('/admin/tenants', { tenantId: data.get('tenantId'), name: data.get('name'), connectionString: data.get('connectionString') });
    form.reset();
  } },
  field('tenantId', t('tenantId')), field('name', t('name')), field('connectionString', t('connectionString'), 'password'),
  el('button', { type: 'submit', class: 'primary', text: t('addProvince') }));
  return el('section', {}, el('h2', { text: t('addProvince') }), form);
}
