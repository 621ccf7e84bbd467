import { api, el, clear, startPage, facilityPicker, facilities, table, money, date, param, showError } from './common.js';
import { t, term, language } from './i18n.js';

await startPage();
const content = document.getElementById('content');
let facilityId = param('facilityId');
content.append(el('div', { class: 'toolbar' }, await facilityPicker(facilityId, id => { facilityId = id; load(); })));
const body = el('div', { id: 'market' });
content.append(body);
await load();

/** Partners with their memoranda (at the chosen facility, or all), and the partners' orders with how far each has got. */
async function load() {
  clear(body).append(el('p', { class: 'muted', text: t('loading') }));
  history.replaceState(null, '', facilityId ? `?facilityId=${facilityId}` : location.pathname);
  const query = facilityId ? `&facilityId=${facilityId}` : '';
  let partners, orders, names;
  try {
    [partners, orders, names] = await Promise.all([api(`/partners?pageSize=200${query}`), api(`/orders?pageSize=200${query}`), facilities()]);
  } catch (e) { clear(body); showError(body, e); return; }
  const facilityName = id => names.find(f => f.facilityId === id)?.name ?? id;
  const details = await Promise.all(partners.items.map(p => api(`/partners/${p.partnerId}`)));
  clear(body);

  body.append(el('h2', {}, `${t('partnerOrganisations')} `, el('span', { class: 'muted', id: 'partners-count', text: `(${partners.totalCount})` })),
    partners.items.length ? table([t('partner'), t('kind'), t('roles'), t('memoranda')], partners.items.map((p, i) => [
      p.name, term(p.kind), p.roles.map(r => term(r)).join(language() === 'ur' ? '، ' : ', '),
      el('ul', { class: 'plain' }, details[i].details.memoranda.filter(m => !facilityId || m.facilityId === facilityId).map(m =>
        el('li', { text: `${facilityName(m.facilityId)}: ${date(m.startsOn)} – ${date(m.endsOn)} · ${m.scope} · ${m.contactName}` }))),
    ]), { id: 'partner-list' }) : el('p', { class: 'muted', text: t('nothing') }));

  const progress = o => `${o.allocated} / ${o.delivered} / ${o.paid} ${t('of')} ${o.quantity}`;
  body.append(el('h2', {}, `${t('partnerOrders')} `, el('span', { class: 'muted', id: 'orders-count', text: `(${orders.totalCount})` })),
    orders.items.length ? table([t('reference'), t('partner'), t('goods'), t('pricePerItem'), t('deliverBy'), t('madeDeliveredPaid'), t('paid'), t('status')],
      orders.items.map(o => [o.reference || '–', o.partnerName, `${o.description} (${term(o.craft)})`, money(o.pricePerItemMinor), date(o.deliverBy),
        progress(o), money(o.paidMinor),
        el('span', { class: o.status === 'Cancelled' ? 'badge no' : 'badge', 'data-status': o.status, text: term(`order_${o.status}`) })]),
      { id: 'order-list' }) : el('p', { class: 'muted', text: t('nothing') }));
}
