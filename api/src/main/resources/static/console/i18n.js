// French or English, from the browser's languages; amounts and dates in the browser's locale.

const dictionaries = { en: {}, fr: {} };

export const lang = (navigator.languages || [navigator.language || 'en'])
  .map((tag) => tag.toLowerCase().split('-')[0])
  .find((tag) => tag === 'en' || tag === 'fr') || 'en';

export const locale = navigator.language || lang;

/** Adds a page's texts: {en: {key: text}, fr: {key: text}}. */
export function messages(texts) {
  Object.entries(texts).forEach(([language, entries]) => Object.assign(dictionaries[language], entries));
}

/** The text for key, {name} replaced by values.name; the English one when French lacks it, else the key. */
export function t(key, values = {}) {
  const text = dictionaries[lang][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * A value the API answers as a code (OPEN, PROSPECT, MEETING …) in words, or the code itself when the console has
 * no words for it (a configured sales stage, say); family names a page's own words for it (stage, kind).
 */
export function term(code, family = 'term') {
  const key = `${family}.${code}`;
  return dictionaries[lang][key] ?? dictionaries.en[key] ?? code;
}

messages({
  en: {
    'term.NEW': 'New', 'term.WORKING': 'Working', 'term.QUALIFIED': 'Qualified', 'term.DISQUALIFIED': 'Disqualified',
    'term.CONVERTED': 'Converted', 'term.MERGED': 'Merged', 'term.PROSPECT': 'Prospect', 'term.CUSTOMER': 'Customer',
    'term.OPEN': 'Open', 'term.WON': 'Won', 'term.LOST': 'Lost', 'term.DONE': 'Done', 'term.CANCELLED': 'Cancelled',
    'term.CALL': 'Call', 'term.EMAIL': 'E-mail', 'term.NOTE': 'Note', 'term.MEETING': 'Meeting', 'term.TASK': 'Task',
    'term.NEWSLETTER': 'Newsletter', 'term.PDF_DOWNLOAD': 'PDF download', 'term.WEBSITE_VISIT': 'Website visit',
    'term.WEB_FORM': 'Web form', 'term.PARTNER_FILE': 'Partner file', 'term.REP_ENTRY': 'Entered by a rep',
  },
  fr: {
    'term.NEW': 'Nouvelle', 'term.WORKING': 'En cours', 'term.QUALIFIED': 'Qualifiée', 'term.DISQUALIFIED': 'Écartée',
    'term.CONVERTED': 'Convertie', 'term.MERGED': 'Fusionné(e)', 'term.PROSPECT': 'Prospect', 'term.CUSTOMER': 'Client',
    'term.OPEN': 'Ouverte', 'term.WON': 'Gagnée', 'term.LOST': 'Perdue', 'term.DONE': 'Faite',
    'term.CANCELLED': 'Annulée',
    'term.CALL': 'Appel', 'term.EMAIL': 'E-mail', 'term.NOTE': 'Note', 'term.MEETING': 'Rendez-vous',
    'term.TASK': 'Tâche', 'term.NEWSLETTER': 'Lettre d’information', 'term.PDF_DOWNLOAD': 'Téléchargement PDF',
    'term.WEBSITE_VISIT': 'Visite du site', 'term.WEB_FORM': 'Formulaire web',
    'term.PARTNER_FILE': 'Fichier partenaire',
    'term.REP_ENTRY': 'Saisie commerciale',
  },
});

const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const moments = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });

export function number(value) {
  return value === null || value === undefined ? '—' : numbers.format(Number(value));
}

export function percent(value) {
  return value === null || value === undefined ? '—' : percents.format(Number(value));
}

/** An amount in its currency (ISO 4217 code). */
export function amount(value, currency) {
  if (value === null || value === undefined) {
    return '—';
  }
  return new Intl.NumberFormat(locale, { style: 'currency', currency: currency || 'EUR' }).format(Number(value));
}

/** A date (2026-07-01) or an instant, as a date. */
export function date(value) {
  if (!value) {
    return '—';
  }
  return dates.format(new Date(value.length === 10 ? `${value}T00:00:00` : value));
}

export function moment(value) {
  return value ? moments.format(new Date(value)) : '—';
}

document.documentElement.lang = lang;
