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
