// Labels in English and Urdu; Urdu switches the page to right-to-left.
export const labels = {
  en: {
    app: 'SecondChance', dashboard: 'Dashboard', journey: 'Inmate journey', statement: 'Wage statement', compliance: 'Compliance',
    marketplace: 'Marketplace', projections: 'Projections', signIn: 'Sign in', signOut: 'Sign out', username: 'Username',
    password: 'Password', signedInAs: 'Signed in as', language: 'اردو', facility: 'Facility', allFacilities: 'All facilities',
    search: 'Search', previous: 'Previous', next: 'Next', pages: 'Pages', shownOf: '{first}–{last} of {total}',
    inCustody: 'In custody', women: 'Women', men: 'Men', released: 'Released', enrolments: 'Enrolments', certifications: 'Certifications',
    itemsProduced: 'Items produced', itemsSold: 'Items sold', proceeds: 'Sale proceeds', earnings: 'Earnings', welfareFund: 'Welfare fund',
    enrolmentsByCraft: 'Enrolments by craft per month', certificationsByCraft: 'Certifications by craft per month',
    producedVsSold: 'Items produced vs sold', moneyPerMonth: 'Proceeds and earnings per month (PKR)', womensFigures: "Women's figures",
    releasesDue: 'Releases due', within30: 'within 30 days', within90: 'within 90 days', prisonerNumber: 'Prisoner no.',
    expectedRelease: 'Expected release', certified: 'Certified', mentor: 'Mentor', contacts30: 'Contacts (30 days)', savings: 'Savings',
    followUps: 'Follow-ups', yes: 'yes', no: 'no', ready: 'Readiness', open: 'Open', inmate: 'Inmate', findInmate: 'Find an inmate',
    timeline: 'Timeline', when: 'When', what: 'What', recordedBy: 'Recorded by', recordedAt: 'Recorded at', programme: 'Current programme',
    skills: 'Skills', balances: 'Balances', spendable: 'Spendable', family: 'Family', asOf: 'As of', downloadCsv: 'Download CSV',
    source: 'Source', description: 'Description', rule: 'Rule', findings: 'Findings', evidence: 'Evidence', period: 'Period',
    downloadReport: 'Download oversight report', noFindings: 'No findings.', price: 'Price', madeBy: 'Made by', craft: 'Craft',
    name: 'Projection', position: 'Position', lag: 'Lag', state: 'State', error: 'Error', rebuild: 'Rebuild', rebuildAll: 'Rebuild all',
    resume: 'Resume', paused: 'paused', running: 'running', status: 'Status', sex: 'Sex', admitted: 'Admitted', nothing: 'Nothing to show.',
    signInFailed: 'The username or password is not right.', loading: 'Loading…', apply: 'Show', journeyLink: 'Journey',
    statementLink: 'Statement', anonymousMaker: 'Made by inmates of', total: 'Total', detail: 'Detail', facts: 'Recorded facts',
  },
  ur: {
    app: 'سیکنڈ چانس', dashboard: 'ڈیش بورڈ', journey: 'قیدی کا سفر', statement: 'اجرت کا گوشوارہ', compliance: 'تعمیل',
    marketplace: 'بازار', projections: 'پروجیکشنز', signIn: 'سائن ان', signOut: 'سائن آؤٹ', username: 'صارف نام',
    password: 'پاس ورڈ', signedInAs: 'سائن ان:', language: 'English', facility: 'جیل', allFacilities: 'تمام جیلیں',
    search: 'تلاش', previous: 'پچھلا', next: 'اگلا', pages: 'صفحات', shownOf: '{total} میں سے {first}–{last}',
    inCustody: 'زیرِ حراست', women: 'خواتین', men: 'مرد', released: 'رہا شدہ', enrolments: 'داخلے', certifications: 'اسناد',
    itemsProduced: 'تیار شدہ اشیاء', itemsSold: 'فروخت شدہ اشیاء', proceeds: 'فروخت کی آمدنی', earnings: 'اجرت', welfareFund: 'فلاحی فنڈ',
    enrolmentsByCraft: 'ہنر کے لحاظ سے ماہانہ داخلے', certificationsByCraft: 'ہنر کے لحاظ سے ماہانہ اسناد',
    producedVsSold: 'تیار بمقابلہ فروخت', moneyPerMonth: 'ماہانہ آمدنی اور اجرت (روپے)', womensFigures: 'خواتین کے اعداد و شمار',
    releasesDue: 'متوقع رہائیاں', within30: '30 دن میں', within90: '90 دن میں', prisonerNumber: 'قیدی نمبر',
    expectedRelease: 'متوقع رہائی', certified: 'سند یافتہ', mentor: 'رہنما', contacts30: 'رابطے (30 دن)', savings: 'بچت',
    followUps: 'بعد از رہائی رابطے', yes: 'ہاں', no: 'نہیں', ready: 'تیاری', open: 'کھولیں', inmate: 'قیدی', findInmate: 'قیدی تلاش کریں',
    timeline: 'ٹائم لائن', when: 'کب', what: 'کیا', recordedBy: 'اندراج کنندہ', recordedAt: 'اندراج کا وقت', programme: 'موجودہ پروگرام',
    skills: 'ہنر', balances: 'بیلنس', spendable: 'قابلِ خرچ', family: 'خاندان', asOf: 'بتاریخ', downloadCsv: 'CSV ڈاؤن لوڈ',
    source: 'ذریعہ', description: 'تفصیل', rule: 'قاعدہ', findings: 'نتائج', evidence: 'ثبوت', period: 'مدت',
    downloadReport: 'نگرانی رپورٹ ڈاؤن لوڈ', noFindings: 'کوئی نتیجہ نہیں۔', price: 'قیمت', madeBy: 'تیار کنندہ', craft: 'ہنر',
    name: 'پروجیکشن', position: 'مقام', lag: 'تاخیر', state: 'حالت', error: 'خرابی', rebuild: 'دوبارہ بنائیں', rebuildAll: 'سب دوبارہ بنائیں',
    resume: 'جاری کریں', paused: 'رکا ہوا', running: 'جاری', status: 'حیثیت', sex: 'جنس', admitted: 'داخلہ', nothing: 'دکھانے کو کچھ نہیں۔',
    signInFailed: 'صارف نام یا پاس ورڈ درست نہیں۔', loading: 'لوڈ ہو رہا ہے…', apply: 'دکھائیں', journeyLink: 'سفر',
    statementLink: 'گوشوارہ', anonymousMaker: 'تیار کردہ از قیدیانِ', total: 'کل', detail: 'تفصیل', facts: 'درج حقائق',
  },
};

export function language() {
  return localStorage.getItem('sc-lang') === 'ur' ? 'ur' : 'en';
}

export function t(key) {
  return labels[language()][key] ?? labels.en[key] ?? key;
}

/** Sets lang/dir on the document and fills every element that carries data-i18n. */
export function applyLanguage() {
  const lang = language();
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ur' ? 'rtl' : 'ltr';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}

export function toggleLanguage() {
  localStorage.setItem('sc-lang', language() === 'ur' ? 'en' : 'ur');
  location.reload();
}
