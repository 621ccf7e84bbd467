import { api, el, clear, startPage, money, showError } from './common.js';
import { t } from './i18n.js';

await startPage({ requireUser: false });
const content = document.getElementById('content');
const body = el('div', { class: 'cards', id: 'catalogue' });
content.append(body);
try {
  const items = await api('/read-models/catalogue?limit=200');
  if (!items.length) body.append(el('p', { class: 'muted', text: t('nothing') }));
  for (const item of items) {
    body.append(el('article', { class: 'card', 'data-item': item.itemId },
      el('h2', { text: item.description }),
      el('p', { class: 'muted', text: `${item.craft} · ${item.programme}` }),
      el('p', { class: 'price', text: `${item.currency} ${money(item.priceMinor)}` }),
      el('p', { class: 'maker', text: item.makerNames.length ? `${t('madeBy')}: ${item.makerNames.join(', ')}` : `${t('anonymousMaker')} ${item.facility}` })));
  }
} catch (e) { clear(body); showError(body, e); }
