import { api, el, clear, startPage, money, param, showError } from './common.js';
import { t, term, isolate } from './i18n.js';

// a page of cards rather than the whole catalogue at once (one very long page on a phone)
const pageSize = 12;

await startPage({ requireUser: false });
const content = document.getElementById('content');
const body = el('div', { class: 'cards', id: 'catalogue' });
const previous = el('button', { type: 'button', id: 'catalogue-previous', onclick: () => show(page - 1), text: t('previous') });
const next = el('button', { type: 'button', id: 'catalogue-next', onclick: () => show(page + 1), text: t('next') });
const where = el('span', { id: 'catalogue-page' });
content.append(body, el('nav', { class: 'pager', 'aria-label': t('page') }, previous, where, next));
let page = Math.max(1, Number.parseInt(param('page') ?? '1', 10) || 1);
await show(page);

async function show(number) {
  page = Math.max(1, number);
  history.replaceState(null, '', page > 1 ? `?page=${page}` : location.pathname);
  try {
    // one more than a page says whether there is a next page
    const items = await api(`/read-models/catalogue?limit=${pageSize + 1}&offset=${(page - 1) * pageSize}`);
    clear(body);
    if (!items.length) body.append(el('p', { class: 'muted', text: t('nothing') }));
    for (const item of items.slice(0, pageSize)) body.append(card(item));
    previous.disabled = page === 1;
    next.disabled = items.length <= pageSize;
    where.textContent = `${t('page')} ${isolate(String(page))}`;
    window.scrollTo(0, 0);
  } catch (e) { clear(body); showError(body, e); }
}

function card(item) {
  return el('article', { class: 'card', 'data-item': item.itemId },
    el('h2', { text: item.description }),
    el('p', { class: 'muted', text: `${term(item.craft)} · ${item.programme}` }),
    el('p', { class: 'price', text: isolate(`${item.currency} ${money(item.priceMinor)}`) }),
    el('p', { class: 'maker', text: item.makerNames.length ? `${t('madeBy')}: ${item.makerNames.join(', ')}` : `${t('anonymousMaker')} ${item.facility}` }));
}
