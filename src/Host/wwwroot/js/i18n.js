// Labels in English and Urdu; Urdu switches the page to right-to-left.
export const labels = {
  en: {
    app: 'SecondChance', dashboard: 'Dashboard', journey: 'Inmate journey', statement: 'Wage statement', compliance: 'Compliance',
    marketplace: 'Marketplace', projections: 'Projections', signIn: 'Sign in', signOut: 'Sign out', username: 'Username',
    password: 'Password', signedInAs: 'Signed in as', province: 'Province', homeProvince: 'National', language: 'اردو', facility: 'Facility', allFacilities: 'All facilities',
    search: 'Search', previous: 'Previous', next: 'Next', pages: 'Pages', shownOf: '{first}–{last} of {total}',
    inCustody: 'In custody', women: 'Women', men: 'Men', released: 'Released', enrolments: 'Enrolments', certifications: 'Certifications',
    itemsProduced: 'Items produced', itemsSold: 'Items sold', proceeds: 'Sale proceeds', earnings: 'Earnings', welfareFund: 'Welfare fund',
    enrolmentsByCraft: 'Enrolments by craft per month', certificationsByCraft: 'Certifications by craft per month',
    producedVsSold: 'Items produced vs sold', moneyPerMonth: 'Proceeds and earnings per month (PKR)', womensFigures: "Women's figures",
    occupancy: 'Occupancy against certified capacity', ward: 'Ward', occupancyNow: 'Held now', capacity: 'Capacity', rate: 'Rate',
    monthlyPeaks: 'Monthly peak occupancy, % of capacity',
    readiness: 'Readiness per goal', readiness_certified_skill: 'certified skill', readiness_savings: 'savings and payout plan', readiness_mentor: 'mentor',
    readiness_follow_up: 'follow-up planned', readiness_housing: 'housing', readiness_work: 'work', status_met: 'met', status_on_track: 'on track',
    status_behind: 'behind', status_dropped: 'dropped', status_missing: 'missing',
    market: 'Partners and orders', partnerOrganisations: 'Partner organisations', partnerOrders: "Partners' orders", kind: 'Kind', roles: 'Roles',
    memoranda: 'Memoranda of understanding', reference: 'Reference', goods: 'Goods', pricePerItem: 'Price per item (PKR)', deliverBy: 'Deliver by',
    madeDeliveredPaid: 'Allocated / delivered / paid', paid: 'Paid (PKR)', of: 'of',
    marketAccess: 'Market access', salesByChannel: 'Sales by channel', salesByPartner: 'Sales through partners', channel: 'Channel', partner: 'Partner',
    sales: 'Sales', salesPerMonthByChannel: 'Sales per month by channel (PKR)', partnerSales: 'Through partners',
    releasesDue: 'Releases due', readinessReminders: 'Readiness reminders', daysBefore: 'Days before', missing: 'Still missing',
    missing_mentor: 'mentor', missing_savings_payout_plan: 'savings payout plan', missing_follow_up_contact: 'follow-up contact', within30: 'within 30 days', within90: 'within 90 days', prisonerNumber: 'Prisoner no.',
    expectedRelease: 'Expected release', diedInCustody: 'Died in custody', certified: 'Certified', mentor: 'Mentor', contacts30: 'Contacts (30 days)', savings: 'Savings',
    followUps: 'Follow-ups', yes: 'yes', no: 'no', ready: 'Readiness', open: 'Open', inmate: 'Inmate', findInmate: 'Find an inmate',
    timeline: 'Timeline', when: 'When', what: 'What', recordedBy: 'Recorded by', recordedAt: 'Recorded at', programme: 'Current programme',
    skills: 'Skills', balances: 'Balances', spendable: 'Spendable', family: 'Family', asOf: 'As of', downloadCsv: 'Download CSV',
    source: 'Source', description: 'Description', rule: 'Rule', findings: 'Findings', evidence: 'Evidence', period: 'Period',
    downloadReport: 'Download oversight report', noFindings: 'No findings.', price: 'Price', madeBy: 'Made by', craft: 'Craft',
    name: 'Projection', position: 'Position', lag: 'Lag', state: 'State', error: 'Error', rebuild: 'Rebuild', rebuildAll: 'Rebuild all',
    provinces: 'Provinces', provinceServed: 'served', provinceDisabled: 'disabled since', enable: 'Enable', disable: 'Disable', reason: 'Reason',
    tenantId: 'Province id', database: 'Database', connectionString: 'Connection string', addProvince: 'Add a province',
    resume: 'Resume', paused: 'paused', running: 'running', status: 'Status', sex: 'Sex', admitted: 'Admitted', nothing: 'Nothing to show.', notifications: 'Oversight notifications', recipient: 'To be told', openedAt: 'Breach began', dueBy: 'Due by',
    signInFailed: 'The username or password is not right.', loading: 'Loading…', apply: 'Show', journeyLink: 'Journey',
    statementLink: 'Statement', anonymousMaker: 'Made by inmates of', total: 'Total', detail: 'Detail', facts: 'Recorded facts',
    closed: 'Closed', previous: 'Previous', next: 'Next', page: 'Page',
    effectiveOn: 'In effect on', knownAt: 'As known at', everyDate: 'every date', everythingRecorded: 'with everything recorded so far',
    tookEffect: 'Took effect', statementOf: 'Statement of', happenedAt: 'Happened', judgedAt: 'Rules judged at',
    verify: 'Certificate verification', verificationCode: 'Verification code', check: 'Check', skill: 'Skill', level: 'Level',
    issuingBody: 'Issued by', assessor: 'Assessor', certifiedOn: 'Certified on', certificateStatus: 'Status', valid: 'Valid',
    revoked: 'Revoked', revokedOn: 'Revoked on', holder: 'Holder', holderNotNamed: 'Not named: the holder has not agreed to be named.',
    unknownCode: 'No certificate has this verification code.', certificate: 'Certificate', certificateNumber: 'Certificate no.',
    verifyAt: 'Verify this certificate at', print: 'Print',
    ventures: 'Ventures', ventureStage: 'Stage', ventureKind: 'Kind', ventureCount: 'Ventures', registered: 'Registered',
    firstSale: 'First sale', firstMonthProfitable: 'First month profitable', grantsOut: 'Seed grants out', moneyBack: 'Money back',
    fundCredited: 'Venture fund credited',
  },
  ur: {
    app: 'سیکنڈ چانس', dashboard: 'ڈیش بورڈ', journey: 'قیدی کا سفر', statement: 'اجرت کا گوشوارہ', compliance: 'تعمیل',
    marketplace: 'بازار', projections: 'پروجیکشنز', signIn: 'سائن ان', signOut: 'سائن آؤٹ', username: 'صارف نام',
    password: 'پاس ورڈ', signedInAs: 'سائن ان:', province: 'صوبہ', homeProvince: 'قومی', language: 'English', facility: 'جیل', allFacilities: 'تمام جیلیں',
    search: 'تلاش', previous: 'پچھلا', next: 'اگلا', pages: 'صفحات', shownOf: '{total} میں سے {first}–{last}',
    inCustody: 'زیرِ حراست', women: 'خواتین', men: 'مرد', released: 'رہا شدہ', enrolments: 'داخلے', certifications: 'اسناد',
    itemsProduced: 'تیار شدہ اشیاء', itemsSold: 'فروخت شدہ اشیاء', proceeds: 'فروخت کی آمدنی', earnings: 'اجرت', welfareFund: 'فلاحی فنڈ',
    enrolmentsByCraft: 'ہنر کے لحاظ سے ماہانہ داخلے', certificationsByCraft: 'ہنر کے لحاظ سے ماہانہ اسناد',
    producedVsSold: 'تیار بمقابلہ فروخت', moneyPerMonth: 'ماہانہ آمدنی اور اجرت (روپے)', womensFigures: 'خواتین کے اعداد و شمار',
    occupancy: 'منظور شدہ گنجائش کے مقابلے میں قیدی', ward: 'وارڈ', occupancyNow: 'اس وقت قیدی', capacity: 'گنجائش', rate: 'شرح',
    monthlyPeaks: 'ماہانہ زیادہ سے زیادہ تعداد، گنجائش کا فیصد',
    readiness: 'ہر ہدف کی تیاری', readiness_certified_skill: 'تصدیق شدہ ہنر', readiness_savings: 'بچت اور ادائیگی کا منصوبہ', readiness_mentor: 'رہنما',
    readiness_follow_up: 'بعد از رہائی رابطہ طے', readiness_housing: 'رہائش', readiness_work: 'روزگار', status_met: 'مکمل', status_on_track: 'درست سمت میں',
    status_behind: 'پیچھے', status_dropped: 'ترک', status_missing: 'موجود نہیں',
    market: 'شراکت دار اور آرڈر', partnerOrganisations: 'شراکت دار ادارے', partnerOrders: 'شراکت داروں کے آرڈر', kind: 'قسم', roles: 'کردار',
    memoranda: 'مفاہمتی یادداشتیں', reference: 'حوالہ', goods: 'اشیا', pricePerItem: 'فی نگ قیمت (روپے)', deliverBy: 'ترسیل کی آخری تاریخ',
    madeDeliveredPaid: 'مختص / ترسیل / ادائیگی', paid: 'ادا شدہ (روپے)', of: 'از',
    marketAccess: 'منڈی تک رسائی', salesByChannel: 'ذریعۂ فروخت کے لحاظ سے فروخت', salesByPartner: 'شراکت داروں کے ذریعے فروخت', channel: 'ذریعہ', partner: 'شراکت دار',
    sales: 'فروخت', salesPerMonthByChannel: 'ماہانہ فروخت، ذریعے کے لحاظ سے (روپے)', partnerSales: 'شراکت داروں کے ذریعے',
    releasesDue: 'متوقع رہائیاں', readinessReminders: 'تیاری کی یاد دہانیاں', daysBefore: 'دن پہلے', missing: 'ابھی باقی',
    missing_mentor: 'رہنما', missing_savings_payout_plan: 'بچت کی ادائیگی کا منصوبہ', missing_follow_up_contact: 'رہائی کے بعد رابطہ', within30: '30 دن میں', within90: '90 دن میں', prisonerNumber: 'قیدی نمبر',
    expectedRelease: 'متوقع رہائی', diedInCustody: 'حراست میں وفات', certified: 'سند یافتہ', mentor: 'رہنما', contacts30: 'رابطے (30 دن)', savings: 'بچت',
    followUps: 'بعد از رہائی رابطے', yes: 'ہاں', no: 'نہیں', ready: 'تیاری', open: 'جاری', inmate: 'قیدی', findInmate: 'قیدی تلاش کریں',
    timeline: 'ٹائم لائن', when: 'کب', what: 'کیا', recordedBy: 'اندراج کنندہ', recordedAt: 'اندراج کا وقت', programme: 'موجودہ پروگرام',
    skills: 'ہنر', balances: 'بیلنس', spendable: 'قابلِ خرچ', family: 'خاندان', asOf: 'بتاریخ', downloadCsv: 'CSV ڈاؤن لوڈ',
    source: 'ذریعہ', description: 'تفصیل', rule: 'قاعدہ', findings: 'نتائج', evidence: 'ثبوت', period: 'مدت',
    downloadReport: 'نگرانی رپورٹ ڈاؤن لوڈ', noFindings: 'کوئی نتیجہ نہیں۔', price: 'قیمت', madeBy: 'تیار کنندہ', craft: 'ہنر',
    name: 'پروجیکشن', position: 'مقام', lag: 'تاخیر', state: 'حالت', error: 'خرابی', rebuild: 'دوبارہ بنائیں', rebuildAll: 'سب دوبارہ بنائیں',
    provinces: 'صوبے', provinceServed: 'فعال', provinceDisabled: 'غیر فعال از', enable: 'فعال کریں', disable: 'غیر فعال کریں', reason: 'وجہ',
    tenantId: 'صوبے کی شناخت', database: 'ڈیٹا بیس', connectionString: 'کنکشن اسٹرنگ', addProvince: 'صوبہ شامل کریں',
    resume: 'جاری کریں', paused: 'رکا ہوا', running: 'جاری', status: 'حیثیت', sex: 'جنس', admitted: 'داخلہ', nothing: 'دکھانے کو کچھ نہیں۔', notifications: 'نگرانی کی اطلاعات', recipient: 'کسے بتانا ہے', openedAt: 'خلاف ورزی کا آغاز', dueBy: 'آخری تاریخ',
    signInFailed: 'صارف نام یا پاس ورڈ درست نہیں۔', loading: 'لوڈ ہو رہا ہے…', apply: 'دکھائیں', journeyLink: 'سفر',
    statementLink: 'گوشوارہ', anonymousMaker: 'تیار کردہ از قیدیانِ', total: 'کل', detail: 'تفصیل', facts: 'درج حقائق',
    closed: 'بند', previous: 'پچھلا', next: 'اگلا', page: 'صفحہ',
    effectiveOn: 'مؤثر بتاریخ', knownAt: 'اس وقت تک درج', everyDate: 'تمام تاریخیں', everythingRecorded: 'اب تک کے تمام اندراجات کے ساتھ',
    tookEffect: 'مؤثر تاریخ', statementOf: 'گوشوارہ برائے', happenedAt: 'وقوع کا وقت', judgedAt: 'قواعد کی جانچ بوقت',
    verify: 'سند کی تصدیق', verificationCode: 'تصدیقی کوڈ', check: 'جانچیں', skill: 'ہنر', level: 'درجہ',
    issuingBody: 'جاری کنندہ', assessor: 'جانچ کنندہ', certifiedOn: 'سند کی تاریخ', certificateStatus: 'حیثیت', valid: 'درست',
    revoked: 'منسوخ', revokedOn: 'منسوخی کی تاریخ', holder: 'سند یافتہ', holderNotNamed: 'نام ظاہر نہیں: سند یافتہ نے نام ظاہر کرنے کی اجازت نہیں دی۔',
    unknownCode: 'اس تصدیقی کوڈ کی کوئی سند نہیں۔', certificate: 'سند', certificateNumber: 'سند نمبر',
    verifyAt: 'اس سند کی تصدیق یہاں کریں', print: 'پرنٹ کریں',
    ventures: 'کاروباری منصوبے', ventureStage: 'مرحلہ', ventureKind: 'قسم', ventureCount: 'منصوبے', registered: 'رجسٹرڈ',
    firstSale: 'پہلی فروخت', firstMonthProfitable: 'پہلا منافع بخش مہینہ', grantsOut: 'ابتدائی گرانٹس (ادا شدہ)', moneyBack: 'واپس آئی رقم',
    fundCredited: 'وینچر فنڈ میں جمع',
  },
};

// Recorded values (statuses, crafts, modes...) as a reader says them; a value not listed is shown as recorded.
const terms = {
  en: {
    Remand: 'On remand', Convicted: 'Convicted', Admitted: 'In custody', Released: 'Released', NotAdmitted: 'Not admitted',
    Male: 'Male', Female: 'Female', InPerson: 'in person', Phone: 'phone', Video: 'video', BeforeRelease: 'before release',
    AfterRelease: 'after release', Reached: 'Reached', NotReached: 'Not reached', Declined: 'Declined', Unknown: 'unknown',
    Employed: 'employed', SelfEmployed: 'self-employed', InTraining: 'in training', Unemployed: 'unemployed', WithFamily: 'with family',
    Independent: 'independent', Temporary: 'temporary', Homeless: 'homeless', Wage: 'Wage', PieceWork: 'Piece work',
    Spendable: 'spendable', Savings: 'savings', Family: 'family', Painting: 'Painting', Embroidery: 'Embroidery', Jewellery: 'Jewellery',
    Woodwork: 'Woodwork', Garments: 'Garments', IT: 'IT', Other: 'Other', Active: 'Active', Withdrawn: 'Withdrawn', Completed: 'Completed',
    Handcuffs: 'handcuffs', LegIrons: 'leg irons', Chains: 'chains', Fetters: 'fetters', BodyBelt: 'body belt',
    EscapeDuringTransfer: 'escape during transfer', MedicalDirection: 'medical direction', PreventHarm: 'prevent harm', Discipline: 'discipline',
    Death: 'Death', SeriousInjury: 'Serious injury', Disappearance: 'Disappearance', Child: 'child', Spouse: 'spouse', Parent: 'parent',
    Sibling: 'sibling', OtherRelative: 'other relative', Friend: 'friend',
    Ngo: 'NGO', ArtsCouncil: 'Arts council', Company: 'Company', SalesChannel: 'sales channel', Buyer: 'buyer of orders',
    StartupMentor: 'mentor of startups', order_Open: 'open', order_Delivered: 'delivered', order_Completed: 'completed', order_Cancelled: 'cancelled',
    Skill: 'skill', Literacy: 'literacy', Health: 'health', HousingAfterRelease: 'housing after release', WorkAfterRelease: 'work after release',
    Exhibition: 'Exhibition', OnlineMarketplace: 'Online marketplace', PartnerOrder: 'Partner order', Shop: 'Shop',
    Proposed: 'Proposed', Approved: 'Approved', Funded: 'Funded', Closed: 'Closed', Craft: 'Craft', Registered: 'registered',
    FirstSale: 'first sale', FirstMonthProfitable: 'first month profitable', Repayment: 'repayment', ProfitShare: 'profit share',
  },
  ur: {
    Remand: 'زیرِ سماعت', Convicted: 'سزا یافتہ', Admitted: 'زیرِ حراست', Released: 'رہا شدہ', NotAdmitted: 'داخل نہیں',
    Male: 'مرد', Female: 'عورت', InPerson: 'بالمشافہ', Phone: 'فون', Video: 'ویڈیو', BeforeRelease: 'رہائی سے پہلے',
    AfterRelease: 'رہائی کے بعد', Reached: 'رابطہ ہوا', NotReached: 'رابطہ نہیں ہوا', Declined: 'انکار', Unknown: 'نامعلوم',
    Employed: 'ملازم', SelfEmployed: 'خود روزگار', InTraining: 'زیرِ تربیت', Unemployed: 'بے روزگار', WithFamily: 'خاندان کے ساتھ',
    Independent: 'اپنی رہائش', Temporary: 'عارضی', Homeless: 'بے گھر', Wage: 'اجرت', PieceWork: 'فی نگ اجرت',
    Spendable: 'قابلِ خرچ', Savings: 'بچت', Family: 'خاندان', Painting: 'مصوری', Embroidery: 'کڑھائی', Jewellery: 'زیورات',
    Woodwork: 'لکڑی کا کام', Garments: 'سلائی', IT: 'آئی ٹی', Other: 'دیگر', Active: 'جاری', Withdrawn: 'دستبردار', Completed: 'مکمل',
    Handcuffs: 'ہتھکڑی', LegIrons: 'بیڑیاں', Chains: 'زنجیریں', Fetters: 'بیڑیاں (پاؤں)', BodyBelt: 'کمر بند',
    EscapeDuringTransfer: 'منتقلی کے دوران فرار کا خدشہ', MedicalDirection: 'طبی ہدایت', PreventHarm: 'نقصان سے بچاؤ', Discipline: 'تادیبی',
    Death: 'موت', SeriousInjury: 'شدید چوٹ', Disappearance: 'گمشدگی', Child: 'بچہ', Spouse: 'شریکِ حیات', Parent: 'والدین',
    Sibling: 'بہن بھائی', OtherRelative: 'دیگر رشتہ دار', Friend: 'دوست',
    Ngo: 'غیر سرکاری تنظیم', ArtsCouncil: 'آرٹس کونسل', Company: 'کمپنی', SalesChannel: 'فروخت کا ذریعہ', Buyer: 'آرڈر دینے والا',
    StartupMentor: 'کاروبار کا رہنما', order_Open: 'جاری', order_Delivered: 'ترسیل شدہ', order_Completed: 'مکمل', order_Cancelled: 'منسوخ',
    Skill: 'ہنر', Literacy: 'خواندگی', Health: 'صحت', HousingAfterRelease: 'رہائی کے بعد رہائش', WorkAfterRelease: 'رہائی کے بعد روزگار',
    Exhibition: 'نمائش', OnlineMarketplace: 'آن لائن منڈی', PartnerOrder: 'شراکت دار کا آرڈر', Shop: 'دکان',
    Proposed: 'تجویز کردہ', Approved: 'منظور شدہ', Funded: 'گرانٹ یافتہ', Closed: 'بند', Craft: 'دستکاری', Registered: 'رجسٹرڈ',
    FirstSale: 'پہلی فروخت', FirstMonthProfitable: 'پہلا منافع بخش مہینہ', Repayment: 'واپسی', ProfitShare: 'منافع میں حصہ',
  },
};

// Plain titles of the rights rules in Urdu; in English the API's own title is shown.
const ruleTitles = {
  ur: {
    prolonged_segregation: 'طویل علیحدگی', segregation_of_protected_person: 'محفوظ فرد کی علیحدگی',
    juvenile_with_adults: 'نابالغ بالغوں کے ساتھ', sexes_not_separated: 'مرد اور خواتین الگ نہیں',
    untried_with_convicted: 'زیرِ سماعت اور سزا یافتہ ایک ساتھ', screening_missed: 'طبی معائنہ نہیں ہوا یا تاخیر سے ہوا',
    savings_part_missing: 'آمدنی سے بچت نہیں رکھی گئی', savings_not_paid_at_release: 'رہائی پر بچت ادا نہیں ہوئی',
    woman_released_without_mentoring: 'رہنمائی کے بغیر خاتون کی رہائی',
    complaint_unanswered: 'شکایت کا جواب نہیں دیا گیا', possible_reprisal: 'شکایت پر ممکنہ انتقامی کارروائی',
    prohibited_instrument: 'ممنوعہ بیڑیوں یا زنجیروں کا استعمال', restraint_as_punishment: 'سزا کے طور پر ہتھکڑی یا بیڑی',
    prolonged_restraint: 'طویل پابندی (ہتھکڑی/بیڑی)', restraint_of_woman_in_labour: 'زچگی کے دوران خاتون کو ہتھکڑی',
    custody_death_not_reported: 'حراست میں موت یا شدید چوٹ کی اطلاع نہیں دی گئی', family_not_notified: 'خاندان کو اطلاع نہیں دی گئی',
    investigation_open: 'تحقیقات مکمل نہیں ہوئیں', mother_without_child_contact: 'ماں کا بچوں سے رابطہ نہیں',
  },
};

// Timeline lines in Urdu from the parts the API gives (names, amounts, values); English uses the API's summary.
const timelineLines = {
  ur: {
    inmate_admitted: '{prisonerNumber} کے طور پر داخلہ ({legalStatus})، حوالہ: {authority}',
    inmate_housed: '{ward}، {facility} میں رہائش',
    medical_screening_recorded: '{by} نے طبی معائنہ کیا: {text}',
    segregation_started: 'علیحدگی شروع ({reason})، منظوری: {by}',
    segregation_ended: 'علیحدگی ختم ({reason})، منظوری: {by}',
    inmate_transferred: '{facility} منتقلی، قیدی نمبر {prisonerNumber}',
    legal_status_changed: 'قانونی حیثیت: {from} سے {to} ({reference})',
    inmate_enrolled: '{programme} میں داخلہ',
    inmate_withdrew_from_programme: '{programme} سے دستبرداری: {reason}',
    inmate_completed_programme: '{programme} مکمل کیا',
    skill_certified: '{skill} ({level}) کی سند، جانچ: {by}، سند نمبر {certificate}',
    mentor_assigned: 'رہنما {mentor} مقرر',
    mentor_unassigned: 'رہنما {mentor} کی تقرری ختم: {reason}',
    mentoring_contact_recorded: '{mentor} سے رابطہ ({mode}، {phase}): {text}',
    release_planned: 'متوقع رہائی: {date}',
    inmate_released: 'رہائی: {reason}',
    post_release_follow_up_recorded: 'رہائی کے بعد رابطہ: {outcome}؛ روزگار: {employment}، رہائش: {housing}',
    attribution_consent_given: 'بطور کاریگر نام ظاہر کرنے کی رضامندی دی',
    attribution_consent_withdrawn: 'بطور کاریگر نام ظاہر کرنے کی رضامندی واپس لی',
    certificate_revoked: 'سند نمبر {certificate} منسوخ: {reason}',
    certificate_holder_consent_given: 'سند نمبر {certificate} کی تصدیق پر نام ظاہر کرنے کی رضامندی دی',
    certificate_holder_consent_withdrawn: 'سند نمبر {certificate} کی تصدیق پر نام ظاہر کرنے کی رضامندی واپس لی',
    inmate_record_corrected: 'ریکارڈ کی درستی (ورژن {version}): {fields}؛ {reason}',
    wage_credited: '{kind} جمع: {amount}؛ {description}',
    share_of_sale_credited: 'فروخت کا حصہ جمع: {amount}؛ {item}',
    deduction_posted: 'کٹوتی: {amount}؛ {reason}',
    family_remittance_sent: '{from} سے {recipient} کو {amount} بھیجے',
    release_payout_made: 'رہائی پر ادائیگی: {amount}',
    posting_reversed: 'سابقہ اندراج منسوخ ({amount}): {reason}',
    item_produced: '{item} تیار کیا ({craft}، {minutes} منٹ)',
    restraint_applied: '{instrument} لگائی گئی ({reason})، منظوری: {by}',
    restraint_ended: 'پابندی ختم، منظوری: {by}',
    labour_recorded: 'زچگی کا اندراج، از: {by}',
    custody_incident_recorded: 'حراست میں واقعہ ({kind})، مقام: {place}: {text}',
    incident_family_notified: 'واقعے کی خاندان کو اطلاع: {person}، از: {by}',
    incident_reported_to_authority: 'واقعے کی اطلاع {authority} کو دی گئی ({reference})',
    incident_investigation_opened: 'واقعے کی تحقیقات شروع، تحقیق کار: {by}',
    incident_investigation_concluded: 'واقعے کی تحقیقات مکمل: {text}',
    family_contact_recorded: '{name} ({relation}) سے رابطہ ({mode})',
    family_visit_refused: '{name} ({relation}) کی ملاقات مسترد، از: {by}: {reason}',
    venture_proposed: 'کاروباری منصوبہ {venture} ({kind}) تجویز کیا، رہنمائی: {organisation}، سند نمبر {certificate}',
    venture_approved: 'منصوبہ {venture} منظور، از: {by}',
    venture_declined: 'منصوبہ {venture} نامنظور: {reason}',
    seed_grant_awarded: 'منصوبہ {venture} کو ابتدائی گرانٹ: {amount}',
    venture_milestone_reached: 'منصوبہ {venture} کا سنگِ میل: {milestone}',
    venture_repaid: 'منصوبہ {venture} نے وینچر فنڈ کو {amount} واپس کیے ({kind})',
    venture_closed: 'منصوبہ {venture} بند: {reason}',
  },
};

/** A recorded value (status, craft, mode...) in the page's language. */
export function term(value) {
  if (value === undefined || value === null) return '';
  return terms[language()][value] ?? terms.en[value] ?? String(value);
}

/** A rule's plain title: Urdu from here, English as the API gives it. */
export function ruleTitle(code, title) {
  return ruleTitles[language()]?.[code] ?? title ?? code;
}

/**
 * A timeline line in the page's language, or null to show the API's summary. format(key, value) turns a part into
 * text (amounts, dates, recorded values).
 */
export function timelineLine(eventType, parts, format) {
  const template = timelineLines[language()]?.[String(eventType).replace(/\.v\d+$/, '')];
  if (!template || !parts || typeof parts !== 'object') return null;
  let line = template.replace(/\{(\w+)\}/g, (_, key) => format(key, parts[key], parts));
  if (eventType.startsWith('inmate_housed') && parts.reason) line += `؛ استثنا: ${parts.reason}`;
  return line;
}

/** Wraps text in first-strong isolates on a right-to-left page, so dates, numbers and ranges keep their own order. */
export function isolate(text) {
  const s = String(text ?? '');
  return s && language() === 'ur' ? `\u2068${s}\u2069` : s;
}

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
