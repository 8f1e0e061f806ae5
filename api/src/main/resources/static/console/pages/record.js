// A record's page: its details (now, or as they stood at a date), and what happened to it: the account's and the
// contact's 360° timeline, a lead's history, each change shown as before → after.
import { get, send } from '../api.js';
import { navigate } from '../app.js';
import { t, messages, moment } from '../i18n.js';
import { changeList, fieldValues } from '../records.js';
import { el, field, title, pager, href } from '../ui.js';

messages({
  en: {
    'record.lead': 'Lead', 'record.account': 'Account', 'record.deal': 'Deal', 'record.activity': 'Activity',
    'record.contact': 'Contact', 'record.details': 'Details', 'record.timeline': '360° timeline',
    'record.history': 'History', 'record.contacts': 'Contacts', 'record.asOf': 'As it stood on',
    'record.show': 'Show', 'record.now': 'Now', 'record.by': 'by {user}', 'record.onBehalfOf': 'on behalf of {user}',
    'record.erased': 'Personal data erased', 'record.openAccount': 'The account’s 360° timeline',
    'record.version': 'version {version}', 'record.follow': 'Follow', 'record.unfollow': 'Stop following',
    'record.followHint': 'Others’ changes to it come to your alerts.',
  },
  fr: {
    'record.lead': 'Piste', 'record.account': 'Compte', 'record.deal': 'Affaire', 'record.activity': 'Activité',
    'record.contact': 'Contact', 'record.details': 'Détails', 'record.timeline': 'Historique 360°',
    'record.history': 'Historique', 'record.contacts': 'Contacts', 'record.asOf': 'Tel qu’il était le',
    'record.show': 'Afficher', 'record.now': 'Maintenant', 'record.by': 'par {user}',
    'record.onBehalfOf': 'pour le compte de {user}', 'record.erased': 'Données personnelles effacées',
    'record.openAccount': 'L’historique 360° du compte', 'record.version': 'version {version}',
    'record.follow': 'Suivre', 'record.unfollow': 'Ne plus suivre',
    'record.followHint': 'Les modifications des autres arrivent dans vos alertes.',
  },
});

/**
 * Each kind of record: where the API reads it, what names it, its account (for the 360° timeline) and what it is
 * followed as.
 */
const KINDS = {
  lead: {
    followed: 'LEAD',
    path: (id) => `/api/v1/leads/${id}`,
    name: (lead) => [lead.details.firstName, lead.details.lastName].filter(Boolean).join(' ')
      || lead.details.company || lead.id,
    history: (id) => `/api/v1/leads/${id}/history`,
  },
  account: {
    followed: 'ACCOUNT',
    path: (id) => `/api/v1/accounts/${id}`,
    name: (account) => account.details.legalName,
    history: (id) => `/api/v1/accounts/${id}/timeline`,
    contacts: true,
  },
  deal: {
    followed: 'OPPORTUNITY',
    path: (id) => `/api/v1/opportunities/${id}`,
    name: (deal) => deal.name,
    account: (deal) => deal.accountId,
  },
  activity: {
    path: (id) => `/api/v1/activities/${id}`,
    name: (activity) => activity.subject || activity.kind,
    account: (activity) => activity.accountId,
  },
};

/** The values a record holds (those it lacks left out). */
function detailList(record) {
  return el('dl', { class: 'details', id: 'record-details' }, fieldValues(record)
    .filter(([, value]) => value !== null && value !== '')
    .flatMap(([name, value]) => [el('dt', {}, name), el('dd', { 'data-field': name }, String(value))]));
}

/** A timeline or history entry: what happened, when, who, and each field's before → after. */
function entry(item) {
  const who = [t('record.by', { user: item.userId }),
    item.onBehalfOf ? t('record.onBehalfOf', { user: item.onBehalfOf }) : null].filter(Boolean).join(' ');
  return el('li', { 'data-event': item.eventId },
    el('div', {}, el('strong', {}, item.type), item.kind ? ` · ${item.kind}` : '',
      ` · ${t('record.version', { version: item.version })}`),
    el('div', { class: 'when' }, `${moment(item.occurredAt)} ${who}`),
    item.personalDataErased ? el('p', { class: 'badge' }, t('record.erased')) : null,
    item.changes.length ? changeList(item.changes) : null);
}

/** The API reads a date as asOf as the end of that day (UTC), and as the end of a timeline as its start. */
function dayAfter(day) {
  if (!day) {
    return undefined;
  }
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().substring(0, 10);
}

async function timeline(path, kind, segments, params) {
  const page = Number(params.get('page') || 0);
  const answer = await get(path, kind === 'lead' ? { page } : { page, to: dayAfter(params.get('asOf')) });
  return el('section', { 'aria-labelledby': 'timeline-heading' },
    el('h2', { id: 'timeline-heading' }, t(kind === 'lead' ? 'record.history' : 'record.timeline')),
    el('ol', { class: 'timeline', id: 'timeline' }, answer.content.map(entry)),
    pager(answer, (next) => navigate('record', segments, { ...Object.fromEntries(params), page: next })));
}

/** Follow, or stop following: whether the user follows the record is the API's answer (404: not followed). */
async function followButton(followed, id) {
  const path = `/api/v1/follows/${followed}/${encodeURIComponent(id)}`;
  let following = await get(path).then(() => true, (error) => {
    if (error.status === 404) {
      return false;
    }
    throw error;
  });
  const button = el('button', { type: 'button', class: 'secondary', id: 'follow', 'aria-describedby': 'follow-hint' });
  const show = () => {
    button.textContent = t(following ? 'record.unfollow' : 'record.follow');
  };
  button.addEventListener('click', async () => {
    await send(following ? 'DELETE' : 'PUT', path);
    following = !following;
    show();
  });
  show();
  return el('p', {}, button, ' ', el('span', { class: 'muted', id: 'follow-hint' }, t('record.followHint')));
}

function asOfControl(segments, params) {
  const input = el('input', { type: 'date', name: 'asOf', value: params.get('asOf') || '' });
  const form = el('form', { class: 'controls' }, field(t('record.asOf'), input),
    el('button', { type: 'submit' }, t('record.show')),
    el('a', { href: href(`record/${segments.map(encodeURIComponent).join('/')}`) }, t('record.now')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('record', segments, { asOf: input.value });
  });
  return form;
}

async function contact(view, segments, params) {
  const [accountId, contactId] = segments.slice(1);
  const contacts = await get(`/api/v1/accounts/${encodeURIComponent(accountId)}/contacts`);
  const person = contacts.find((one) => one.id === contactId);
  const name = person ? [person.details.firstName, person.details.lastName].filter(Boolean).join(' ') : contactId;
  view.append(title(`${t('record.contact')} · ${name}`),
    el('p', {}, el('a', { href: href(`record/account/${encodeURIComponent(accountId)}`) }, t('record.account'))),
    person ? el('section', {}, el('h2', {}, t('record.details')), detailList(person)) : null,
    await timeline(`/api/v1/accounts/${encodeURIComponent(accountId)}/contacts/${encodeURIComponent(contactId)}`
      + '/timeline', 'contact', segments, params));
}

export default async function render(view, { segments, params }) {
  if (segments[0] === 'contact') {
    await contact(view, segments, params);
    return;
  }
  const [kind, id] = segments;
  const spec = KINDS[kind];
  const asOf = params.get('asOf') || undefined;
  const record = await get(spec.path(encodeURIComponent(id)), { asOf });
  view.append(title(`${t(`record.${kind}`)} · ${spec.name(record)}`),
    spec.followed ? await followButton(spec.followed, id) : null, asOfControl(segments, params),
    el('section', { 'aria-labelledby': 'details-heading' },
      el('h2', { id: 'details-heading' }, t('record.details')), detailList(record)));
  if (spec.contacts) {
    const contacts = await get(`/api/v1/accounts/${encodeURIComponent(id)}/contacts`, { asOf });
    view.append(el('section', {}, el('h2', {}, t('record.contacts')), el('ul', { id: 'contacts' },
      contacts.map((person) => el('li', {}, el('a', {
        href: href(`record/contact/${encodeURIComponent(id)}/${encodeURIComponent(person.id)}`),
      }, [person.details.firstName, person.details.lastName].filter(Boolean).join(' ') || person.id))))));
  }
  if (spec.history) {
    view.append(await timeline(spec.history(encodeURIComponent(id)), kind, segments, params));
  } else if (spec.account && spec.account(record)) {
    view.append(el('p', {}, el('a', { href: href(`record/account/${encodeURIComponent(spec.account(record))}`) },
      t('record.openAccount'))));
  }
}
