// A certificate to print for its holder (?inmate=…&number=…): what was certified, its verification code, and where
// anyone may check it. It names no facility and no prisoner number, and not the certificate number either (numbers may
// carry a facility's code), so the paper does not say where it was earned.
import { api, el, date, param, startPage, showError } from './common.js';
import { t } from './i18n.js';

await startPage();
const content = document.getElementById('content');
const inmateId = param('inmate');
const number = param('number');
try {
  const certificate = await api(`/inmates/${encodeURIComponent(inmateId ?? '')}/certifications/${encodeURIComponent(number ?? '')}`);
  const programme = await api(`/programmes/${certificate.programmeId}`).catch(() => null);
  // the holder's own name, for readers who see names (the public check names them only with consent)
  const holder = await api(`/inmates/${encodeURIComponent(inmateId)}`).then(v => v.details?.fullName).catch(() => null);
  const code = certificate.verificationCode;
  const verifyUrl = code ? `${location.origin}/verify?code=${encodeURIComponent(code)}` : null;
  const rows = [
    ...(holder ? [['holder', holder]] : []), ['skill', certificate.skill], ['level', certificate.level], ['issuingBody', programme?.details?.name ?? ''],
    ['assessor', certificate.assessor], ['certifiedOn', date(certificate.certifiedAt)],
  ];
  content.append(
    el('p', { class: 'no-print' }, el('button', { type: 'button', id: 'print', onclick: () => window.print(), text: t('print') })),
    el('article', { class: 'certificate', id: 'certificate' },
      el('h2', { text: t('certificate') }),
      certificate.revokedReason ? el('p', { class: 'revoked', id: 'revoked', text: t('revoked') }) : null,
      el('dl', {}, rows.flatMap(([key, value]) => [el('dt', { text: t(key) }), el('dd', { text: value })])),
      code ? el('p', {}, el('span', { text: `${t('verificationCode')}: ` }), el('span', { class: 'code', id: 'verification-code', dir: 'ltr', text: code })) : null,
      verifyUrl ? el('img', { id: 'qr', alt: verifyUrl, width: 160, height: 160,
        src: `/inmates/${encodeURIComponent(inmateId)}/certifications/${encodeURIComponent(number)}/qr.svg` }) : null,
      verifyUrl ? el('p', { class: 'verify-at' }, `${t('verifyAt')} `, el('span', { dir: 'ltr', id: 'verify-url', text: verifyUrl })) : null));
} catch (e) { showError(content, e); }
