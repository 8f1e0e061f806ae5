// The auditor's view (docs/audit.md): every event filtered, paged by store position; one record's history with
// its fields before and after, and the record as it stood at one of its moments; the verification of the chain.
import { get, send } from '../api.js';
import { navigate } from '../app.js';
import { t, messages, moment, number } from '../i18n.js';
import { changeList, fieldValues } from '../records.js';
import { el, field, select, title, table, problem, href } from '../ui.js';

messages({
  en: {
    'audit.title': 'Audit', 'audit.history': 'History of {type} {id}', 'audit.filters': 'Filters',
    'audit.recordType': 'Kind of record', 'audit.anyType': 'Any', 'audit.recordId': 'Record id',
    'audit.userId': 'User (or on whose behalf)', 'audit.correlationId': 'Request (correlation id)',
    'audit.eventType': 'Events (comma-separated)', 'audit.from': 'From', 'audit.to': 'Before',
    'audit.order': 'Order', 'audit.newestFirst': 'Newest first', 'audit.oldestFirst': 'Oldest first',
    'audit.size': 'Per page', 'audit.apply': 'Apply the filters', 'audit.clear': 'Clear',
    'audit.entries': 'Audit entries', 'audit.entriesTitle': 'Entries', 'audit.position': 'Position',
    'audit.when': 'When', 'audit.who': 'Who',
    'audit.event': 'Event', 'audit.record': 'Record', 'audit.why': 'Why', 'audit.what': 'What changed',
    'audit.onBehalfOf': 'on behalf of {user}', 'audit.request': 'request {id}', 'audit.noChange': 'no field changed',
    'audit.newer': 'Newer entries', 'audit.older': 'Older entries', 'audit.paging': 'Audit pages',
    'audit.noEntry': 'No entry matches these filters.', 'audit.allEntries': 'Every entry of this record',
    'audit.asOf': 'The record as it stood', 'audit.asOfMoment': 'As of', 'audit.showAsOf': 'Show it as it stood',
    'audit.asOfThen': 'As it stood after this', 'audit.asOfAt': 'As it stood on {moment}, version {version}',
    'audit.asOfNone': 'The record did not exist yet at that moment.',
    'audit.asOfUnavailable': 'The API reads no past state of this kind of record: only its history is shown.',
    'audit.field': 'Field', 'audit.value': 'Value', 'audit.because': 'Why: ',
    'audit.verify': 'Verify the chain', 'audit.verifyTitle': 'Verification of the chain and seals',
    'audit.verifyFrom': 'After position (optional)', 'audit.verifyTo': 'Up to position (optional)',
    'audit.verifying': 'Verifying the store…', 'audit.intact': 'Intact', 'audit.broken': 'Not intact',
    'audit.intactText': 'Every chain and seal checked is intact.',
    'audit.brokenText': '{count} problem(s) found: where and why below.',
    'audit.range': 'Positions checked', 'audit.rangeValue': 'after {from} up to {to}',
    'audit.checkedEvents': 'Events checked', 'audit.checkedSeals': 'Seals checked', 'audit.sealedUpTo': 'Sealed up to',
    'audit.problems': 'Problems found', 'audit.sequence': 'Sequence', 'audit.seal': 'Seal', 'audit.reason': 'Why',
  },
  fr: {
    'audit.title': 'Audit', 'audit.history': 'Historique de {type} {id}', 'audit.filters': 'Filtres',
    'audit.recordType': 'Type d’enregistrement', 'audit.anyType': 'Tous', 'audit.recordId': 'Identifiant',
    'audit.userId': 'Utilisateur (ou pour le compte de)', 'audit.correlationId': 'Requête (identifiant de corrélation)',
    'audit.eventType': 'Événements (séparés par des virgules)', 'audit.from': 'À partir du', 'audit.to': 'Avant le',
    'audit.order': 'Ordre', 'audit.newestFirst': 'Plus récents d’abord', 'audit.oldestFirst': 'Plus anciens d’abord',
    'audit.size': 'Par page', 'audit.apply': 'Appliquer les filtres', 'audit.clear': 'Effacer',
    'audit.entries': 'Entrées d’audit', 'audit.entriesTitle': 'Entrées', 'audit.position': 'Position',
    'audit.when': 'Quand', 'audit.who': 'Qui',
    'audit.event': 'Événement', 'audit.record': 'Enregistrement', 'audit.why': 'Pourquoi', 'audit.what': 'Changements',
    'audit.onBehalfOf': 'pour le compte de {user}', 'audit.request': 'requête {id}',
    'audit.noChange': 'aucun champ modifié',
    'audit.newer': 'Entrées plus récentes', 'audit.older': 'Entrées plus anciennes', 'audit.paging': 'Pages de l’audit',
    'audit.noEntry': 'Aucune entrée ne correspond à ces filtres.',
    'audit.allEntries': 'Toutes les entrées de cet enregistrement',
    'audit.asOf': 'L’enregistrement tel qu’il était', 'audit.asOfMoment': 'Au',
    'audit.showAsOf': 'Afficher tel qu’il était', 'audit.asOfThen': 'Tel qu’après ceci',
    'audit.asOfAt': 'Tel qu’il était le {moment}, version {version}',
    'audit.asOfNone': 'L’enregistrement n’existait pas encore à ce moment.',
    'audit.asOfUnavailable': 'L’API ne relit pas l’état passé de ce type d’enregistrement : seul son historique '
      + 'est affiché.',
    'audit.field': 'Champ', 'audit.value': 'Valeur', 'audit.because': 'Pourquoi : ',
    'audit.verify': 'Vérifier la chaîne', 'audit.verifyTitle': 'Vérification de la chaîne et des sceaux',
    'audit.verifyFrom': 'Après la position (facultatif)', 'audit.verifyTo': 'Jusqu’à la position (facultatif)',
    'audit.verifying': 'Vérification du stock d’événements…', 'audit.intact': 'Intègre', 'audit.broken': 'Altéré',
    'audit.intactText': 'Toutes les chaînes et tous les sceaux vérifiés sont intègres.',
    'audit.brokenText': '{count} problème(s) trouvé(s) : où et pourquoi ci-dessous.',
    'audit.range': 'Positions vérifiées', 'audit.rangeValue': 'après {from} jusqu’à {to}',
    'audit.checkedEvents': 'Événements vérifiés', 'audit.checkedSeals': 'Sceaux vérifiés',
    'audit.sealedUpTo': 'Scellé jusqu’à', 'audit.problems': 'Problèmes trouvés', 'audit.sequence': 'Séquence',
    'audit.seal': 'Sceau', 'audit.reason': 'Pourquoi',
  },
});

const TYPES = ['LEAD', 'ACCOUNT', 'CONTACT', 'OPPORTUNITY', 'ACTIVITY', 'PRODUCT', 'SALES_TARGET', 'EXCHANGE_RATES',
  'USER', 'TERRITORY', 'ORGANISATION', 'EXPORT', 'IMPORT', 'WEBFORM', 'WEBHOOK', 'WORKFLOWRULE'];

/** The records whose GET takes asOf (docs/leads.md, "Records as they stood"), where they are read. */
const AS_OF = {
  LEAD: '/api/v1/leads/', ACCOUNT: '/api/v1/accounts/', OPPORTUNITY: '/api/v1/opportunities/',
  ACTIVITY: '/api/v1/activities/', PRODUCT: '/api/v1/products/', USER: '/api/v1/users/',
  WEBFORM: '/api/v1/web-forms/', WEBHOOK: '/api/v1/webhooks/', WORKFLOWRULE: '/api/v1/workflow-rules/',
};

const FILTERS = ['recordType', 'recordId', 'userId', 'correlationId', 'eventType', 'from', 'to'];
const PAGING = ['order', 'size', 'before', 'after'];

function pick(params, names) {
  return Object.fromEntries(names.filter((name) => params.get(name)).map((name) => [name, params.get(name)]));
}

/** An instant as a datetime-local control shows it, in the browser's time zone. */
function localInput(instant) {
  if (!instant) {
    return '';
  }
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) {
    return '';
  }
  const two = (value) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:`
    + `${two(at.getMinutes())}`;
}

function instant(local) {
  return local ? new Date(local).toISOString() : '';
}

function recordLink(record) {
  return el('a', { href: href(`audit/${record.type}/${encodeURIComponent(record.id)}`) },
    `${record.type} ${record.id}`);
}

function who(entry) {
  return [el('span', {}, entry.userId),
    entry.onBehalfOf ? el('div', { class: 'muted' }, t('audit.onBehalfOf', { user: entry.onBehalfOf })) : null];
}

function changes(entry) {
  if (!entry.changes.length) {
    return el('span', { class: 'muted' }, t('audit.noChange'));
  }
  return changeList(entry.changes);
}

/** Newer and older buttons for a range of entries (docs/audit.md, "Paging by position"). */
function positionPager(range, asked, go) {
  const desc = range.order !== 'asc';
  const readingBack = asked.before !== undefined || (asked.after === undefined && desc);
  const older = readingBack ? range.more : asked.after !== undefined;
  const newer = readingBack ? asked.before !== undefined : range.more;
  const newerButton = el('button', { type: 'button', class: 'secondary', 'data-page': 'newer',
    disabled: !newer || range.after === null, onclick: () => go({ after: range.after }) }, t('audit.newer'));
  const olderButton = el('button', { type: 'button', class: 'secondary', 'data-page': 'older',
    disabled: !older || range.before === null, onclick: () => go({ before: range.before }) }, t('audit.older'));
  return el('nav', { class: 'pager', 'aria-label': t('audit.paging') },
    desc ? [newerButton, olderButton] : [olderButton, newerButton]);
}

function filterForm(params) {
  const recordType = select('recordType', [['', t('audit.anyType')], ...TYPES.map((type) => [type, type])],
    params.get('recordType'));
  const text = (name) => el('input', { name, type: 'text', value: params.get(name) || '' });
  const when = (name) => el('input', { name, type: 'datetime-local', value: localInput(params.get(name)) });
  const order = select('order', [['desc', t('audit.newestFirst')], ['asc', t('audit.oldestFirst')]],
    params.get('order') || 'desc');
  const size = select('size', [['20', '20'], ['50', '50'], ['100', '100'], ['200', '200']], params.get('size') || '50');
  const form = el('form', { class: 'controls', role: 'search', 'aria-label': t('audit.filters'), id: 'audit-filters' },
    field(t('audit.recordType'), recordType), field(t('audit.recordId'), text('recordId')),
    field(t('audit.userId'), text('userId')), field(t('audit.correlationId'), text('correlationId')),
    field(t('audit.eventType'), text('eventType')), field(t('audit.from'), when('from')),
    field(t('audit.to'), when('to')), field(t('audit.order'), order), field(t('audit.size'), size),
    el('button', { type: 'submit' }, t('audit.apply')),
    el('button', { type: 'button', class: 'secondary', onclick: () => {
      [...form.elements].filter((control) => control.name && control.name !== 'order' && control.name !== 'size')
        .forEach((control) => { control.value = ''; });
      navigate('audit');
    } }, t('audit.clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    values.from = instant(values.from);
    values.to = instant(values.to);
    navigate('audit', [], Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim()])));
  });
  return form;
}

function verification() {
  const from = el('input', { name: 'fromPosition', type: 'number', min: '0', inputmode: 'numeric' });
  const to = el('input', { name: 'toPosition', type: 'number', min: '1', inputmode: 'numeric' });
  const outcome = el('div', { role: 'status', id: 'verification', 'aria-live': 'polite' });
  const button = el('button', { type: 'submit', id: 'verify' }, t('audit.verify'));
  const form = el('form', { class: 'controls' }, field(t('audit.verifyFrom'), from), field(t('audit.verifyTo'), to),
    button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    outcome.replaceChildren(el('p', {}, t('audit.verifying')));
    try {
      const range = {};
      if (from.value !== '') {
        range.fromPosition = Number(from.value);
      }
      if (to.value !== '') {
        range.toPosition = Number(to.value);
      }
      const answer = (await send('POST', '/api/v1/audit/verifications', range)).body;
      outcome.replaceChildren(verified(answer));
    } catch (error) {
      outcome.replaceChildren(problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return el('section', { 'aria-labelledby': 'verify-title' },
    el('h2', { id: 'verify-title' }, t('audit.verifyTitle')), form, outcome);
}

function verified(answer) {
  const problems = answer.problems || [];
  return el('div', { class: 'verification', 'data-intact': String(answer.intact) },
    el('p', {}, el('span', { class: `badge ${answer.intact ? 'good' : 'bad'}`, id: 'verification-badge' },
      t(answer.intact ? 'audit.intact' : 'audit.broken')), ' ',
    answer.intact ? t('audit.intactText') : t('audit.brokenText', { count: number(problems.length) })),
    el('dl', { class: 'details' },
      el('dt', {}, t('audit.range')), el('dd', { 'data-field': 'range', 'data-from': answer.fromPosition,
        'data-to': answer.toPosition }, t('audit.rangeValue', { from: answer.fromPosition, to: answer.toPosition })),
      el('dt', {}, t('audit.checkedEvents')), el('dd', { 'data-field': 'checkedEvents' }, number(answer.checkedEvents)),
      el('dt', {}, t('audit.checkedSeals')), el('dd', { 'data-field': 'checkedSeals' }, number(answer.checkedSeals)),
      el('dt', {}, t('audit.sealedUpTo')), el('dd', { 'data-field': 'sealedUpTo' }, answer.sealedUpTo)),
    problems.length ? table(t('audit.problems'), [
      { label: t('audit.position'), value: (row) => row.position ?? '—', numeric: true },
      { label: t('audit.record'), value: (row) => row.recordId ?? '—' },
      { label: t('audit.sequence'), value: (row) => row.sequenceNumber ?? '—', numeric: true },
      { label: t('audit.seal'), value: (row) => row.sealNumber ?? '—', numeric: true },
      { label: t('audit.reason'), value: (row) => row.reason },
    ], problems, { id: 'verification-problems' }) : null);
}

async function entries(view, params) {
  const asked = pick(params, PAGING);
  let range;
  try {
    range = await get('/api/v1/audit/events', { ...pick(params, FILTERS), ...asked });
  } catch (error) {
    if (error.status !== 400) {
      throw error;
    }
    // a filter the engine refuses: the filters stay, to be mended
    view.append(title(t('audit.title')), el('h2', {}, t('audit.entriesTitle')), filterForm(params), problem(error));
    return;
  }
  view.append(title(t('audit.title')), verification(),
    el('h2', {}, t('audit.entriesTitle')), filterForm(params));
  const go = (position) => navigate('audit', [], { ...pick(params, [...FILTERS, 'order', 'size']), ...position });
  view.append(range.content.length ? table(t('audit.entries'), [
    { label: t('audit.when'), value: (entry) => moment(entry.occurredAt) },
    { label: t('audit.who'), value: who },
    { label: t('audit.event'), value: (entry) => el('span', { 'data-position': entry.position }, entry.type) },
    { label: t('audit.record'), value: (entry) => recordLink(entry.record) },
    { label: t('audit.why'), value: (entry) => entry.changeReason || '—' },
    { label: t('audit.what'), value: changes },
    { label: t('audit.position'), value: (entry) => entry.position, numeric: true },
  ], range.content, { id: 'audit-entries' }) : el('p', { class: 'empty' }, t('audit.noEntry')),
  positionPager(range, asked, go));
}

/** The record as its GET answers it with asOf, or why it cannot be shown. */
async function asOfState(type, id, at) {
  try {
    const answer = await send('GET', `${AS_OF[type]}${encodeURIComponent(id)}?asOf=${encodeURIComponent(at)}`);
    const version = (answer.headers.get('ETag') || '').replace(/\W/g, '') || '—';
    return [el('p', {}, t('audit.asOfAt', { moment: moment(at), version })),
      table(t('audit.asOf'), [
        { label: t('audit.field'), value: (row) => row.field },
        { label: t('audit.value'), value: (row) => (row.value === null || row.value === undefined ? '—'
          : String(row.value)) },
      ], fieldValues(answer.body).map(([name, value]) => ({ field: name, value })),
      { id: 'as-of-record' })];
  } catch (error) {
    return error.status === 404 ? el('p', { class: 'empty' }, t('audit.asOfNone')) : problem(error);
  }
}

async function history(view, ctx) {
  const [type, id] = ctx.segments;
  const asked = pick(ctx.params, ['order', 'before', 'after']);
  const range = await get(`/api/v1/audit/records/${encodeURIComponent(type)}/${encodeURIComponent(id)}`, asked);
  const at = ctx.params.get('asOf');
  const go = (params) => navigate('audit', [type, id], { ...pick(ctx.params, ['order']), ...params });
  const showAsOf = (then) => navigate('audit', [type, id], { ...asked, asOf: then });
  view.append(title(t('audit.history', { type, id })),
    el('p', {}, el('a', { href: href('audit', { recordType: type, recordId: id }) }, t('audit.allEntries'))));
  const past = el('section', { 'aria-labelledby': 'as-of-title', id: 'as-of' },
    el('h2', { id: 'as-of-title' }, t('audit.asOf')));
  if (AS_OF[type]) {
    const input = el('input', { type: 'datetime-local', step: '1', name: 'asOf', value: localInput(at) });
    const form = el('form', { class: 'controls' }, field(t('audit.asOfMoment'), input),
      el('button', { type: 'submit' }, t('audit.showAsOf')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      showAsOf(instant(input.value));
    });
    past.append(form);
    if (at) {
      past.append(...[await asOfState(type, id, at)].flat());
    }
  } else {
    past.append(el('p', { class: 'empty' }, t('audit.asOfUnavailable')));
  }
  const list = el('ol', { class: 'timeline', id: 'record-history' }, range.content.map((entry) => el('li',
    { 'data-position': entry.position, 'data-type': entry.type },
    el('div', { class: 'when' }, moment(entry.occurredAt), ' · ', t('audit.position'), ' ', entry.position),
    el('div', {}, el('strong', {}, entry.type), ' — ', who(entry)),
    entry.changeReason ? el('div', {}, t('audit.because'), el('q', {}, entry.changeReason)) : null,
    entry.correlationId ? el('div', { class: 'muted' }, t('audit.request', { id: entry.correlationId })) : null,
    changes(entry),
    AS_OF[type] ? el('button', { type: 'button', class: 'secondary', 'data-as-of': entry.occurredAt,
      onclick: () => showAsOf(entry.occurredAt) }, t('audit.asOfThen')) : null)));
  view.append(el('div', { class: 'split' }, el('section', { 'aria-label': t('audit.entries') }, list,
    positionPager(range, asked, go)), past));
  if (at) {
    // on a phone the record as it stood comes after the whole history: bring it into view
    requestAnimationFrame(() => {
      if (past.getBoundingClientRect().top > window.innerHeight) {
        past.scrollIntoView();
      }
    });
  }
}

export default async function render(view, ctx) {
  if (ctx.segments.length >= 2) {
    await history(view, ctx);
  } else {
    await entries(view, ctx.params);
  }
}
