// The users of the organisation (docs/users-and-sign-in.md): profile, manager, active; searched and filtered.
import { get } from '../api.js';
import { navigate } from '../app.js';
import { t, messages, date } from '../i18n.js';
import { el, field, select, title, table, pager, href } from '../ui.js';

messages({
  en: {
    'users.title': 'Users', 'users.caption': 'Users, by id', 'users.search': 'Search (id or name)',
    'users.profile': 'Profile', 'users.anyProfile': 'Any', 'users.active': 'Active', 'users.any': 'Any',
    'users.yes': 'Active', 'users.no': 'Deactivated', 'users.apply': 'Search', 'users.id': 'User',
    'users.name': 'Name', 'users.email': 'E-mail', 'users.manager': 'Manager', 'users.registered': 'Registered',
    'users.history': 'History', 'users.historyOf': 'History of {user}', 'users.filters': 'Filters',
  },
  fr: {
    'users.title': 'Utilisateurs', 'users.caption': 'Utilisateurs, par identifiant',
    'users.search': 'Recherche (identifiant ou nom)', 'users.profile': 'Profil', 'users.anyProfile': 'Tous',
    'users.active': 'Actif', 'users.any': 'Tous', 'users.yes': 'Actif', 'users.no': 'Désactivé',
    'users.apply': 'Rechercher', 'users.id': 'Utilisateur', 'users.name': 'Nom', 'users.email': 'E-mail',
    'users.manager': 'Responsable', 'users.registered': 'Inscrit le', 'users.history': 'Historique',
    'users.historyOf': 'Historique de {user}', 'users.filters': 'Filtres',
  },
});

const PROFILES = ['SALES_REP', 'SALES_MANAGER', 'ADMINISTRATOR', 'AUDITOR', 'ANALYST', 'DATA_STEWARD'];
const AUDITORS = ['AUDITOR', 'ADMINISTRATOR'];

function filters(params) {
  const q = el('input', { type: 'search', name: 'q', value: params.get('q') || '', maxlength: '100' });
  const profile = select('profile', [['', t('users.anyProfile')],
    ...PROFILES.map((one) => [one, t(`profile.${one}`)])], params.get('profile'));
  const active = select('active', [['', t('users.any')], ['true', t('users.yes')], ['false', t('users.no')]],
    params.get('active'));
  const form = el('form', { class: 'controls', role: 'search', 'aria-label': t('users.filters') },
    field(t('users.search'), q), field(t('users.profile'), profile), field(t('users.active'), active),
    el('button', { type: 'submit' }, t('users.apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('users', [], Object.fromEntries(new FormData(form).entries()));
  });
  return form;
}

export default async function render(view, ctx) {
  const asked = Object.fromEntries(['q', 'profile', 'active', 'page'].map((name) => [name, ctx.params.get(name)]));
  const page = await get('/api/v1/users', asked);
  const columns = [
    { label: t('users.id'), value: (user) => el('span', { 'data-user': user.userId }, user.userId) },
    { label: t('users.name'), value: (user) => user.displayName },
    { label: t('users.email'), value: (user) => user.email || '—' },
    { label: t('users.profile'), value: (user) => t(`profile.${user.profile}`) },
    { label: t('users.manager'), value: (user) => user.managerId || '—' },
    { label: t('users.active'), value: (user) => el('span', { class: `badge ${user.active ? 'good' : 'bad'}` },
      t(user.active ? 'users.yes' : 'users.no')) },
    { label: t('users.registered'), value: (user) => date(user.registeredAt) },
  ];
  if (AUDITORS.includes(ctx.me.profile)) {
    columns.push({ label: t('users.history'), value: (user) => el('a', { href: href(`audit/USER/${user.userId}`),
      'aria-label': t('users.historyOf', { user: user.userId }) }, t('users.history')) });
  }
  view.append(title(t('users.title')), filters(ctx.params), table(t('users.caption'), columns, page.content,
    { id: 'users-table' }), pager(page, (next) => navigate('users', [], { ...asked, page: next })));
}
