// Leads, accounts, deals and activities: the API's lists with the API's filters and search, a page at a time,
// each row opening its record; the same filters download the list as CSV.
import { get } from '../api.js';
import { navigate } from '../app.js';
import { filters } from '../description.js';
import { t, messages, amount, date, moment, term } from '../i18n.js';
import { el, field, select, table, title, pager, href } from '../ui.js';

messages({
  en: {
    'lists.leads': 'Leads', 'lists.accounts': 'Accounts', 'lists.deals': 'Deals', 'lists.activities': 'Activities',
    'lists.search': 'Search', 'lists.any': 'Any', 'lists.csv': 'Download as CSV', 'lists.filters': 'Filters',
    'col.name': 'Name', 'col.company': 'Company', 'col.status': 'Status', 'col.source': 'Source',
    'col.owner': 'Owner', 'col.captured': 'Captured', 'col.legalName': 'Legal name', 'col.city': 'City',
    'col.siren': 'SIREN', 'col.updated': 'Updated', 'col.stage': 'Stage', 'col.amount': 'Amount',
    'col.closing': 'Expected close', 'col.kind': 'Kind', 'col.subject': 'Subject', 'col.due': 'Due',
    'col.account': 'Account', 'col.overdue': 'Overdue',
    'param.q': 'Search', 'param.status': 'Status', 'param.ownerId': 'Owner (user id)', 'param.source': 'Source',
    'param.registration': 'SIREN or SIRET', 'param.accountId': 'Account id', 'param.stage': 'Stage',
    'param.closingFrom': 'Closing from (date)', 'param.closingBefore': 'Closing before (date)',
    'param.contactId': 'Contact id', 'param.opportunityId': 'Deal id', 'param.kind': 'Kind',
    'param.dueBefore': 'Due before (date and time)', 'lists.apply': 'Apply', 'lists.yes': 'yes',
  },
  fr: {
    'lists.leads': 'Pistes', 'lists.accounts': 'Comptes', 'lists.deals': 'Affaires', 'lists.activities': 'Activités',
    'lists.search': 'Rechercher', 'lists.any': 'Tous', 'lists.csv': 'Télécharger en CSV', 'lists.filters': 'Filtres',
    'col.name': 'Nom', 'col.company': 'Société', 'col.status': 'Statut', 'col.source': 'Origine',
    'col.owner': 'Propriétaire', 'col.captured': 'Saisie', 'col.legalName': 'Raison sociale', 'col.city': 'Ville',
    'col.siren': 'SIREN', 'col.updated': 'Modifié', 'col.stage': 'Étape', 'col.amount': 'Montant',
    'col.closing': 'Clôture prévue', 'col.kind': 'Type', 'col.subject': 'Objet', 'col.due': 'Échéance',
    'col.account': 'Compte', 'col.overdue': 'En retard',
    'param.q': 'Recherche', 'param.status': 'Statut', 'param.ownerId': 'Propriétaire (identifiant)',
    'param.source': 'Origine', 'param.registration': 'SIREN ou SIRET', 'param.accountId': 'Identifiant du compte',
    'param.stage': 'Étape', 'param.closingFrom': 'Clôture à partir du (date)',
    'param.closingBefore': 'Clôture avant le (date)', 'param.contactId': 'Identifiant du contact',
    'param.opportunityId': 'Identifiant de l’affaire', 'param.kind': 'Type',
    'param.dueBefore': 'Échéance avant (date et heure)', 'lists.apply': 'Appliquer', 'lists.yes': 'oui',
  },
});

function personName(details) {
  return [details.firstName, details.lastName].filter(Boolean).join(' ') || details.company || '—';
}

function open(kind) {
  return (row, text) => el('a', { href: href(`record/${kind}/${encodeURIComponent(row.id)}`) }, text || '—');
}

/** Each list: its route in the API and its columns (the first one opens the record). */
const LISTS = {
  leads: {
    path: '/api/v1/leads',
    columns: [
      { label: 'col.name', value: (row) => open('lead')(row, personName(row.details)) },
      { label: 'col.company', value: (row) => row.details.company || '—' },
      { label: 'col.status', value: (row) => term(row.status) },
      { label: 'col.source', value: (row) => term(row.source) },
      { label: 'col.owner', value: (row) => row.ownerId || '—' },
      { label: 'col.captured', value: (row) => moment(row.capturedAt) },
    ],
  },
  accounts: {
    path: '/api/v1/accounts',
    columns: [
      { label: 'col.legalName', value: (row) => open('account')(row, row.details.legalName) },
      { label: 'col.city', value: (row) => (row.details.billingAddress && row.details.billingAddress.city) || '—' },
      { label: 'col.siren', value: (row) => row.details.siren || '—' },
      { label: 'col.status', value: (row) => term(row.status) },
      { label: 'col.owner', value: (row) => row.ownerId || '—' },
      { label: 'col.updated', value: (row) => moment(row.updatedAt) },
    ],
  },
  deals: {
    path: '/api/v1/opportunities',
    columns: [
      { label: 'col.name', value: (row) => open('deal')(row, row.name) },
      { label: 'col.stage', value: (row) => `${row.stage.name} (${row.stage.probability} %)` },
      { label: 'col.status', value: (row) => term(row.status) },
      { label: 'col.amount', numeric: true, value: (row) => amount(row.amount, row.currency) },
      { label: 'col.closing', value: (row) => date(row.expectedCloseDate) },
      { label: 'col.owner', value: (row) => row.ownerId || '—' },
    ],
  },
  activities: {
    path: '/api/v1/activities',
    columns: [
      { label: 'col.subject', value: (row) => open('activity')(row, row.subject || term(row.kind)) },
      { label: 'col.kind', value: (row) => term(row.kind) },
      { label: 'col.status', value: (row) => term(row.status) },
      { label: 'col.due', value: (row) => moment(row.dueAt || row.occurredAt) },
      { label: 'col.overdue', value: (row) => (row.overdue ? t('lists.yes') : '') },
      { label: 'col.owner', value: (row) => row.ownerId },
    ],
  },
};

function control(filter, value) {
  if (filter.values) {
    return select(filter.name, [['', t('lists.any')], ...filter.values.map((one) => [one, term(one)])], value);
  }
  return el('input', { name: filter.name, value: value || '', type: filter.name === 'q' ? 'search' : 'text' });
}

export default async function render(view, { route, params }) {
  const list = LISTS[route];
  const query = Object.fromEntries(params.entries());
  const page = Number(query.page || 0);
  const shown = await filters(list.path);
  const form = el('form', { class: 'controls', role: 'search', 'aria-label': t('lists.filters') },
    shown.map((filter) => field(t(`param.${filter.name}`), control(filter, query[filter.name]))),
    el('button', { type: 'submit' }, t('lists.apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(route, [], Object.fromEntries(new FormData(form).entries()));
  });
  const asked = Object.fromEntries(shown.map((filter) => [filter.name, query[filter.name]]));
  const answer = await get(list.path, { ...asked, page });
  const columns = list.columns.map((column) => ({ ...column, label: t(column.label) }));
  const csv = `${list.path}/export?${new URLSearchParams(Object.entries(asked).filter(([, v]) => v))}`;
  view.append(title(t(`lists.${route}`)), form,
    table(t(`lists.${route}`), columns, answer.content, { id: `${route}-list` }),
    pager(answer, (next) => navigate(route, [], { ...query, page: next })),
    el('p', {}, el('a', { href: csv, download: `${route}.csv` }, t('lists.csv'))));
}
