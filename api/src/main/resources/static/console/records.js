// A record's values and its changes, as the record page and the audit view show them.
import { el } from './ui.js';

/** Every value of a record as [name, value], nested objects and lists of objects flattened to dotted names. */
export function fieldValues(record, prefix = '') {
  return Object.entries(record).flatMap(([name, value]) => {
    const label = prefix + name;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return fieldValues(value, `${label}.`);
    }
    if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
      return value.flatMap((item, index) => fieldValues(item, `${label}[${index + 1}].`));
    }
    return [[label, Array.isArray(value) ? value.join(', ') : value]];
  });
}

/** Each changed field as "field: before → after" (∅ for no value). */
export function changeList(changes) {
  return el('ul', { class: 'changes' }, changes.map((change) => el('li',
    { class: 'change', 'data-field': change.field }, el('span', { class: 'field-name' }, change.field), ': ',
    el('del', {}, change.oldValue ?? '∅'), ' → ', el('ins', {}, change.newValue ?? '∅'))));
}
