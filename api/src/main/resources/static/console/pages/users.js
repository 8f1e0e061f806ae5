// The users of the organisation (docs/users-and-sign-in.md): profile, manager, active; searched and filtered.
import { get, send } from '../api.js';
import { navigate } from '../app.js';
import { t, messages, date } from '../i18n.js';
import { el, field, select, title, table, pager, href, problem } from '../ui.js';

messages({
  en: {
    'users.title': 'Users', 'users.caption': 'Users, by id', 'users.search': 'Search (id or name)',
    'users.profile': 'Profile', 'users.anyProfile': 'Any', 'users.active': 'Active', 'users.any': 'Any',
    'users.yes': 'Active', 'users.no': 'Deactivated', 'users.apply': 'Search', 'users.id': 'User',
    'users.name': 'Name', 'users.email': 'E-mail', 'users.manager': 'Manager', 'users.registered': 'Registered',
    'users.history': 'History', 'users.historyOf': 'History of {user}', 'users.filters': 'Filters',
    'users.password': 'Password (12 characters or more)', 'users.register': 'Register',
    'users.registerTitle': 'Register a user', 'users.registered.notice': '{user} is registered.',
    'users.actions': 'Actions', 'users.deactivate': 'Deactivate…', 'users.deactivateName': 'Deactivate {user}',
    'users.successor': 'Who takes over their open records', 'users.confirmDeactivate': 'Deactivate',
    'users.cancel': 'Cancel', 'users.deactivated': '{user} is deactivated.', 'users.reactivate': 'Reactivate',
    'users.reactivateName': 'Reactivate {user}', 'users.reactivated': '{user} is active again.',
  },
  fr: {
    'users.title': 'Utilisateurs', 'users.caption': 'Utilisateurs, par identifiant',
    'users.search': 'Recherche (identifiant ou nom)', 'users.profile': 'Profil', 'users.anyProfile': 'Tous',
    'users.active': 'Actif', 'users.any': 'Tous', 'users.yes': 'Actif', 'users.no': 'Désactivé',
    'users.apply': 'Rechercher', 'users.id': 'Utilisateur', 'users.name': 'Nom', 'users.email': 'E-mail',
    'users.manager': 'Responsable', 'users.registered': 'Inscrit le', 'users.history': 'Historique',
    'users.historyOf': 'Historique de {user}', 'users.filters': 'Filtres',
    'users.password': 'Mot de passe (12 caractères ou plus)', 'users.register': 'Inscrire',
    'users.registerTitle': 'Inscrire un utilisateur', 'users.registered.notice': '{user} est inscrit.',
    'users.actions': 'Actions', 'users.deactivate': 'Désactiver…', 'users.deactivateName': 'Désactiver {user}',
    'users.successor': 'Qui reprend ses enregistrements ouverts', 'users.confirmDeactivate': 'Désactiver',
    'users.cancel': 'Annuler', 'users.deactivated': '{user} est désactivé.', 'users.reactivate': 'Réactiver',
    'users.reactivateName': 'Réactiver {user}', 'users.reactivated': '{user} est de nouveau actif.',
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

function registration() {
  const message = el('div', { role: 'status', id: 'register-outcome' });
  const input = (name, type, extra = {}) => el('input', { name, type, ...extra });
  const form = el('form', { class: 'controls', id: 'register-user' },
    field(t('users.id'), input('userId', 'text', { required: true, maxlength: '64', autocomplete: 'off' })),
    field(t('users.name'), input('displayName', 'text', { required: true })),
    field(t('users.email'), input('email', 'email')),
    field(t('users.profile'), select('profile', PROFILES.map((one) => [one, t(`profile.${one}`)]), 'SALES_REP')),
    field(t('users.manager'), input('managerId', 'text')),
    field(t('users.password'), input('password', 'password', { autocomplete: 'new-password', minlength: '12' })),
    el('button', { type: 'submit' }, t('users.register')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = Object.fromEntries([...new FormData(form).entries()].map(([name, value]) => [name,
      value.trim() === '' ? null : value]));
    try {
      await send('POST', '/api/v1/users', body);
      navigate('users', [], { q: body.userId, registered: body.userId });
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  });
  return el('section', { 'aria-labelledby': 'register-title' },
    el('h2', { id: 'register-title' }, t('users.registerTitle')), form, message);
}

/** An administrator's buttons for a user: deactivate (naming who takes over their records) or reactivate. */
function actions(user, message, reload) {
  const cell = el('div', { class: 'actions' });
  const run = async (call, text) => {
    try {
      await call();
      message.replaceChildren(el('p', { class: 'notice' }, text));
      await reload();
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  };
  const path = `/api/v1/users/${encodeURIComponent(user.userId)}`;
  if (!user.active) {
    cell.append(el('button', { type: 'button', class: 'secondary', 'data-reactivate': user.userId,
      'aria-label': t('users.reactivateName', { user: user.userId }),
      onclick: () => run(() => send('POST', `${path}/reactivate`), t('users.reactivated', { user: user.userId })) },
    t('users.reactivate')));
    return cell;
  }
  const open = el('button', { type: 'button', class: 'secondary', 'data-deactivate': user.userId,
    'aria-label': t('users.deactivateName', { user: user.userId }) }, t('users.deactivate'));
  open.addEventListener('click', () => {
    const successor = el('input', { name: 'successorId', type: 'text' });
    const form = el('form', { class: 'controls' }, field(t('users.successor'), successor),
      el('button', { type: 'submit' }, t('users.confirmDeactivate')),
      el('button', { type: 'button', class: 'secondary', onclick: () => cell.replaceChildren(open) },
        t('users.cancel')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run(() => send('POST', `${path}/deactivate`, { successorId: successor.value.trim() || null }),
        t('users.deactivated', { user: user.userId }));
    });
    cell.replaceChildren(form);
    successor.focus();
  });
  cell.append(open);
  return cell;
}

export default async function render(view, ctx) {
  const asked = Object.fromEntries(['q', 'profile', 'active', 'page'].map((name) => [name, ctx.params.get(name)]));
  const admin = ctx.me.profile === 'ADMINISTRATOR';
  let page = await get('/api/v1/users', asked);
  const message = el('div', { role: 'status', id: 'users-message' });
  const holder = el('div', { id: 'users' });
  if (ctx.params.get('registered')) {
    message.append(el('p', { class: 'notice' }, t('users.registered.notice', { user: ctx.params.get('registered') })));
  }
  const columns = [
    { label: t('users.id'), value: (user) => el('span', { 'data-user': user.userId }, user.userId) },
    { label: t('users.name'), value: (user) => user.displayName },
    { label: t('users.email'), value: (user) => user.email || '—' },
    { label: t('users.profile'), value: (user) => t(`profile.${user.profile}`) },
    { label: t('users.manager'), value: (user) => user.managerId || '—' },
    { label: t('users.active'), value: (user) => el('span', { class: `badge ${user.active ? 'good' : 'bad'}`,
      'data-active': String(user.active) }, t(user.active ? 'users.yes' : 'users.no')) },
    { label: t('users.registered'), value: (user) => date(user.registeredAt) },
  ];
  if (AUDITORS.includes(ctx.me.profile)) {
    columns.push({ label: t('users.history'), value: (user) => el('a', { href: href(`audit/USER/${user.userId}`),
      'aria-label': t('users.historyOf', { user: user.userId }) }, t('users.history')) });
  }
  const draw = () => holder.replaceChildren(table(t('users.caption'), columns, page.content, { id: 'users-table' }),
    pager(page, (next) => navigate('users', [], { ...asked, page: next })));
  if (admin) {
    columns.push({ label: t('users.actions'), value: (user) => actions(user, message, async () => {
      page = await get('/api/v1/users', asked);
      draw();
    }) });
  }
  view.append(title(t('users.title')), message, filters(ctx.params), holder);
  draw();
  if (admin) {
    view.append(registration());
  }
}
