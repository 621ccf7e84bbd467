import { api, el, clear, startPage, table, showError } from './common.js';
import { t } from './i18n.js';

await startPage();
const content = document.getElementById('content');
const body = el('div', { id: 'projections' });
content.append(el('div', { class: 'toolbar' }, el('button', { type: 'button', class: 'primary', id: 'rebuild-all', onclick: () => rebuild(null), text: t('rebuildAll') })), body);
await load();
setInterval(load, 5000);

async function load() {
  let status;
  try { status = await api('/admin/projections'); } catch (e) { clear(body); showError(body, e); return; }
  const rows = status.map(p => [
    p.name, String(p.eventsApplied), el('span', { class: p.lagEvents > 0 ? 'badge warn' : 'badge', text: `${p.lagEvents} · ${p.lagSeconds.toFixed(1)} s` }),
    el('span', { class: p.state === 'paused' ? 'badge no' : 'badge', text: p.rebuilding ? `${p.state} · rebuilding ${p.rebuildPosition ?? ''}` : p.state }),
    el('span', { class: 'error', text: p.failure ? `${p.failure.eventType} @ ${p.failure.position}: ${p.failure.error}` : '' }),
    el('span', {}, el('button', { type: 'button', 'data-rebuild': p.name, onclick: () => rebuild(p.name), text: t('rebuild') }), ' ',
      p.state === 'paused' ? el('button', { type: 'button', onclick: () => resume(p.name), text: t('resume') }) : null)]);
  clear(body).append(table([t('name'), t('position'), t('lag'), t('state'), t('error'), ''], rows, { id: 'projection-status' }));
}

async function rebuild(name) {
  await api(`/admin/projections/rebuild${name ? `?name=${encodeURIComponent(name)}` : ''}`, { method: 'POST' }).catch(e => showError(body, e));
  await load();
}

async function resume(name) {
  await api(`/admin/projections/${encodeURIComponent(name)}/resume`, { method: 'POST' }).catch(e => showError(body, e));
  await load();
}
