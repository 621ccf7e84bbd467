// Shared helpers: DOM building (text only, never HTML from data), API calls, the header and formatting.
import { applyLanguage, t, toggleLanguage, language, isolate } from './i18n.js';

/** Creates an element; strings and numbers become text nodes, so stored text can never become markup. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export class ApiError extends Error {
  constructor(status, body) { super(`HTTP ${status}`); this.status = status; this.body = body; }
}

/** The province a federal reader chose to read (the header names it on reads only: nobody writes across provinces). */
const provinceHeader = 'X-SecondChance-Tenant';
function chosenProvince() { return sessionStorage.getItem('sc.province'); }

export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers ?? {}) };
  const reading = !options.method || options.method === 'GET';
  if (reading && chosenProvince()) headers[provinceHeader] = chosenProvince();
  const response = await fetch(path, { credentials: 'same-origin', ...options, headers });
  if (response.status === 401) { goToSignIn(); throw new ApiError(401); }
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export function goToSignIn() {
  const back = encodeURIComponent(location.pathname + location.search);
  location.href = `/sign-in?returnUrl=${back}`;
}

export async function currentUser() {
  const response = await fetch('/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

const pages = [
  ['dashboard', '/dashboard'], ['journey', '/journey'], ['statement', '/statement'], ['compliance', '/compliance'],
  ['market', '/market'], ['marketplace', '/marketplace'], ['projections', '/projections'], ['provinces', '/provinces'],
];

/** The Urdu font the Host ships (wwwroot/lib/fonts, from the npm registry); canvas text (charts) needs it loaded first. */
export const urduFont = 'Noto Nastaliq Urdu';

/**
 * Draws the header; pages that need a user pass requireUser and are sent to sign-in without one. A public page asks
 * who is signed in only when the server's shell says someone is, so a signed-out visit makes no request that fails.
 */
export async function startPage({ requireUser = true } = {}) {
  applyLanguage();
  if (language() === 'ur') await document.fonts.load(`1em "${urduFont}"`, 'اردو ہے').catch(() => []);
  const user = requireUser || document.documentElement.dataset.signedIn === 'true' ? await currentUser() : null;
  if (requireUser && !user) { goToSignIn(); return new Promise(() => {}); }
  const header = document.querySelector('header.site');
  const nav = el('nav', { 'aria-label': 'main' });
  for (const [key, href] of pages) {
    if (!user && key !== 'marketplace') continue;
    if (key === 'projections' && user && roleOf(user) !== 'Administrator') continue;
    if (key === 'provinces' && user && (roleOf(user) !== 'Administrator' || user.tenant)) continue;
    nav.append(el('a', { href, 'aria-current': location.pathname === href ? 'page' : null, text: t(key) }));
  }
  const who = el('div', { class: 'who' });
  if (user && (user.readTenants ?? []).length > 0) who.append(provinceChoice(user), ' ');
  if (user) {
    who.append(el('span', { id: 'signed-in-user', text: `${t('signedInAs')} ${nameOf(user)}` }), ' ',
      el('span', { class: 'role', id: 'signed-in-role', text: roleOf(user) }), ' ',
      el('button', { type: 'button', id: 'sign-out', onclick: signOut, text: t('signOut') }));
  } else {
    who.append(el('a', { href: '/sign-in', id: 'sign-in-link', text: t('signIn') }));
  }
  who.append(' ', el('button', { type: 'button', id: 'language', lang: language() === 'ur' ? 'en' : 'ur', onclick: toggleLanguage, text: t('language') }));
  clear(header).append(el('a', { class: 'brand', href: user ? '/dashboard' : '/marketplace', text: t('app') }), nav, who);
  return user;
}

/** A federal reader's choice of the province the pages read: their own, or one they were granted. */
function provinceChoice(user) {
  const own = user.tenant ?? '';
  const select = el('select', { id: 'province', 'aria-label': t('province') });
  for (const tenant of [own, ...user.readTenants]) select.append(el('option', { value: tenant, text: tenant || t('homeProvince') }));
  select.value = chosenProvince() ?? own;
  select.onchange = () => {
    if (select.value === own) sessionStorage.removeItem('sc.province'); else sessionStorage.setItem('sc.province', select.value);
    location.reload();
  };
  return select;
}

export function nameOf(user) { return user.displayName ?? user.display_name ?? user.username ?? user.name ?? ''; }
export function roleOf(user) { return user.role ?? (Array.isArray(user.roles) ? user.roles[0] : '') ?? ''; }

async function signOut() {
  await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin' });
  location.href = '/sign-in';
}

const pkr = new Intl.NumberFormat('en-PK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Money arrives in paisa (minor units); shown in rupees with two decimals (isolated on a right-to-left page). */
export function money(minor) { return isolate(pkr.format(Number(minor ?? 0) / 100)); }
export function dateTime(iso) { return iso ? isolate(new Date(iso).toLocaleString(language() === 'ur' ? 'ur-PK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })) : ''; }
export function date(iso) { return iso ? isolate(new Date(iso).toLocaleDateString(language() === 'ur' ? 'ur-PK' : 'en-GB', { dateStyle: 'medium' })) : ''; }

export function param(name) { return new URLSearchParams(location.search).get(name); }

export function table(headings, rows, attrs = {}) {
  return el('div', { class: 'table-wrap' }, el('table', attrs,
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) => el('td', { 'data-label': headings[i] || null }, c)))))));
}

export async function facilities() {
  return api('/facilities');
}

/** A facility select; "all" is the empty value. */
export async function facilityPicker(selected, onChange) {
  let list;
  // the page still draws, saying why (a disabled province, the database out of reach) instead of staying blank
  try { list = await facilities(); } catch (e) { const box = el('div', { class: 'toolbar-error' }); showError(box, e); return box; }
  const select = el('select', { id: 'facility', onchange: e => onChange(e.target.value || null) },
    el('option', { value: '', text: t('allFacilities') }),
    list.map(f => el('option', { value: f.facilityId, selected: f.facilityId === selected, text: f.name })));
  return el('label', {}, el('span', { text: t('facility') }), select);
}

export function showError(container, error) {
  const detail = error?.body?.detail ?? error?.body?.title ?? error?.message ?? String(error);
  container.append(el('p', { class: 'error', role: 'alert', text: detail }));
}
