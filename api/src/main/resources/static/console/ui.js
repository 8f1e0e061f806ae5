// Building blocks shared by the pages: elements, labelled fields, tables, charts with their figures, problems.
import { t, messages, number, percent } from './i18n.js';

messages({
  en: {
    'ui.figures': 'Figures of this chart',
    'ui.previous': 'Previous page',
    'ui.next': 'Next page',
    'ui.pageOf': 'Page {page} of {pages} ({total} in all)',
    'ui.empty': 'Nothing to show.',
    'ui.forbidden': 'Your profile does not give access to this page.',
    'ui.notFound': 'Not found, or not visible to you.',
    'ui.error': 'The engine refused: {detail}',
    'ui.loading': 'Loading…',
  },
  fr: {
    'ui.figures': 'Chiffres de ce graphique',
    'ui.previous': 'Page précédente',
    'ui.next': 'Page suivante',
    'ui.pageOf': 'Page {page} sur {pages} ({total} en tout)',
    'ui.empty': 'Rien à afficher.',
    'ui.forbidden': 'Votre profil ne donne pas accès à cette page.',
    'ui.notFound': 'Introuvable, ou non visible pour vous.',
    'ui.error': 'Le moteur a refusé : {detail}',
    'ui.loading': 'Chargement…',
  },
});

/** An element with attributes (on* as listeners, dataset via data-*) and children (text or nodes). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else if (name === 'text') {
      element.textContent = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

let fieldIds = 0;

/** A labelled control: label above, the control (input, select) below. */
export function field(label, control) {
  fieldIds += 1;
  if (!control.id) {
    control.id = `field-${fieldIds}`;
  }
  return el('div', { class: 'field' }, el('label', { for: control.id }, label), control);
}

/** A select of [value, label] options, the given value chosen. */
export function select(name, options, value) {
  return el('select', { name }, options.map(([optionValue, label]) => el('option',
    { value: optionValue, selected: String(optionValue) === String(value ?? '') }, label)));
}

/** A page's title, also the document's. */
export function title(text) {
  document.title = `${text} — Relais`;
  return el('h1', {}, text);
}

/**
 * A table: columns of {label, value: row => text or node, numeric}; rows; a caption that names it for
 * screen readers.
 */
export function table(caption, columns, rows, attributes = {}) {
  if (!rows.length) {
    return el('p', { class: 'empty' }, t('ui.empty'));
  }
  return el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    el('table', attributes,
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, columns.map((column) => el('th',
        { scope: 'col', class: column.numeric ? 'numeric' : undefined }, column.label)))),
      el('tbody', {}, rows.map((row) => el('tr', {}, columns.map((column, index) => el(index === 0 ? 'th' : 'td',
        { scope: index === 0 ? 'row' : undefined, class: column.numeric ? 'numeric' : undefined },
        column.value(row))))))));
}

const PALETTE = ['#1f5fa8', '#c2571a', '#2f855a', '#8b3fa8', '#b7791f', '#2c7a7b', '#c53030', '#4a5568'];

/**
 * A chart (Chart.js) and, below it, the table of its numbers for screen readers and anyone who wants the
 * figures: labels down, one column per dataset. The canvas is an image named by the title; the table holds the
 * same numbers as the chart.
 *
 * @param spec {id, title, type ('bar', 'line', 'doughnut'), labels, datasets: [{label, data, type?}],
 *             format (value => text), stacked, horizontal, ticks (the value axis': value => text, or tick options)}
 */
export function chart(spec) {
  const canvas = el('canvas', { role: 'img', 'aria-label': spec.title, id: `${spec.id}-chart` });
  const format = spec.format || number;
  const figures = el('details', { class: 'figures' }, el('summary', {}, t('ui.figures')),
    table(spec.title, [{ label: '', value: (row) => row.label },
      ...spec.datasets.map((dataset, index) => ({
        label: dataset.label,
        numeric: true,
        value: (row) => format(row.values[index]),
      }))],
    spec.labels.map((label, index) => ({ label, values: spec.datasets.map((dataset) => dataset.data[index]) })),
    { id: `${spec.id}-figures` }));
  const figure = el('figure', { class: 'chart', id: spec.id },
    el('figcaption', {}, spec.title), el('div', { class: 'canvas-box' }, canvas), figures);
  // the value axis in the chart's unit: ticks writes a value, or holds Chart.js's tick options
  const ticks = typeof spec.ticks === 'function' ? { callback: spec.ticks } : spec.ticks;
  const axis = (values) => ({ stacked: !!spec.stacked, ...(values ? { beginAtZero: true, ticks } : {}) });
  queueMicrotask(() => {
    const round = spec.type === 'doughnut' || spec.type === 'pie';
    // eslint-disable-next-line no-undef
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((dataset, index) => ({
          ...dataset,
          data: dataset.data.map((value) => (value === null || value === undefined ? null : Number(value))),
          backgroundColor: round ? spec.labels.map((_, at) => PALETTE[at % PALETTE.length])
            : PALETTE[index % PALETTE.length],
          borderColor: round ? '#fff' : PALETTE[index % PALETTE.length],
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        scales: round ? {} : { x: axis(spec.horizontal), y: axis(!spec.horizontal) },
        plugins: {
          tooltip: { callbacks: { label: (item) => `${item.dataset.label || item.label}: ${format(item.raw)}` } },
        },
      },
    });
  });
  return figure;
}

/** An engine's refusal or failure, as an alert that screen readers announce. */
export function problem(error) {
  let text;
  if (error && error.status === 403) {
    text = t('ui.forbidden');
  } else if (error && error.status === 404) {
    text = t('ui.notFound');
  } else {
    text = t('ui.error', { detail: error && error.message ? error.message : String(error) });
  }
  const lines = error && error.fieldErrors ? error.fieldErrors : [];
  return el('div', { class: 'problem', role: 'alert', 'data-status': error && error.status },
    el('p', {}, text), lines.length ? el('ul', {}, lines.map((line) => el('li', {}, line))) : null);
}

/** Previous and next buttons for a page of the API's page shape ({content, page, size, totalElements}). */
export function pager(page, go) {
  const pages = Math.max(1, Math.ceil(page.totalElements / page.size));
  const position = t('ui.pageOf', { page: page.page + 1, pages, total: number(page.totalElements) });
  return el('nav', { class: 'pager', 'aria-label': position },
    el('button', { type: 'button', disabled: page.page === 0, onclick: () => go(page.page - 1) }, t('ui.previous')),
    el('span', {}, position),
    el('button', { type: 'button', disabled: page.page + 1 >= pages, onclick: () => go(page.page + 1) }, t('ui.next')));
}

/** A route's link: #/path?params. */
export function href(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined
    && value !== null && value !== '')).toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

/** A progress bar from 0 to 100, named by label, with its percentage written beside it. */
export function progress(value, label) {
  const shown = Math.max(0, Math.min(100, Number(value) || 0));
  return el('span', { class: 'progress' },
    el('progress', { max: '100', value: String(shown), 'aria-label': label }), ' ', percent(shown / 100));
}

/**
 * Reads what a page shows again every 2 s while something in it is still moving (a rebuild, an import), and only
 * while the page is shown: load() fetches, show(answer) draws, ongoing(answer) says whether to read again; a
 * failure is shown in message. Answers watch(answer), to call with what the page drew first or after a change it
 * made, and refresh(), which reads again at once.
 */
export function whileOngoing(view, message, { load, show, ongoing }) {
  let timer;
  const watch = (answer) => {
    clearTimeout(timer);
    if (ongoing(answer)) {
      // eslint-disable-next-line no-use-before-define
      timer = setTimeout(refresh, 2000);
    }
  };
  async function refresh() {
    if (!view.isConnected) {
      return;
    }
    let answer;
    try {
      answer = await load();
    } catch (error) {
      message.replaceChildren(problem(error));
      return;
    }
    if (view.isConnected) {
      show(answer);
      watch(answer);
    }
  }
  return { watch, refresh };
}
