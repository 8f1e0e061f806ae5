// The console's frame: who is signed in, the menu their profile opens, and the page the address names
// (#/page/more/path?parameters), each page a module under pages/.
import { csrfToken, get, Problem } from './api.js';
import { t, messages } from './i18n.js';
import { el, href, problem } from './ui.js';

messages({
  en: {
    'app.menu': 'Menu', 'app.signOut': 'Sign out', 'app.skip': 'Skip to content',
    'app.signedInAs': 'Signed in as {name} ({profile})',
    'nav.dashboard': 'Dashboard', 'nav.leads': 'Leads', 'nav.accounts': 'Accounts', 'nav.deals': 'Deals',
    'nav.activities': 'Activities', 'nav.alerts': 'Alerts', 'nav.audit': 'Audit', 'nav.processors': 'Processors',
    'nav.imports': 'Imports', 'nav.users': 'Users', 'nav.territories': 'Territories', 'nav.main': 'Main menu',
    'profile.SALES_REP': 'sales rep', 'profile.SALES_MANAGER': 'sales manager',
    'profile.ADMINISTRATOR': 'administrator',
    'profile.AUDITOR': 'auditor', 'profile.ANALYST': 'analyst', 'profile.DATA_STEWARD': 'data steward',
  },
  fr: {
    'app.menu': 'Menu', 'app.signOut': 'Se déconnecter', 'app.skip': 'Aller au contenu',
    'app.signedInAs': 'Connecté : {name} ({profile})',
    'nav.dashboard': 'Tableau de bord', 'nav.leads': 'Pistes', 'nav.accounts': 'Comptes', 'nav.deals': 'Affaires',
    'nav.activities': 'Activités', 'nav.alerts': 'Alertes', 'nav.audit': 'Audit', 'nav.processors': 'Processeurs',
    'nav.imports': 'Imports', 'nav.users': 'Utilisateurs', 'nav.territories': 'Territoires',
    'nav.main': 'Menu principal',
    'profile.SALES_REP': 'commercial', 'profile.SALES_MANAGER': 'responsable commercial',
    'profile.ADMINISTRATOR': 'administrateur',
    'profile.AUDITOR': 'auditeur', 'profile.ANALYST': 'analyste', 'profile.DATA_STEWARD': 'gestionnaire de données',
  },
});

const EVERYONE = ['SALES_REP', 'SALES_MANAGER', 'ADMINISTRATOR', 'AUDITOR', 'ANALYST', 'DATA_STEWARD'];

/** The menu: each entry's route, module and the profiles it is shown to (the API decides what they may do). */
const PAGES = [
  { route: 'dashboard', module: './pages/dashboard.js', profiles: EVERYONE.filter((p) => p !== 'SALES_REP') },
  { route: 'leads', module: './pages/lists.js', profiles: EVERYONE },
  { route: 'accounts', module: './pages/lists.js', profiles: EVERYONE },
  { route: 'deals', module: './pages/lists.js', profiles: EVERYONE },
  { route: 'activities', module: './pages/lists.js', profiles: EVERYONE },
  { route: 'alerts', module: './pages/alerts.js', profiles: EVERYONE },
  { route: 'audit', module: './pages/audit.js', profiles: ['AUDITOR', 'ADMINISTRATOR'] },
  { route: 'processors', module: './pages/processors.js', profiles: ['ADMINISTRATOR', 'ANALYST'] },
  { route: 'imports', module: './pages/imports.js',
    profiles: ['SALES_REP', 'SALES_MANAGER', 'ADMINISTRATOR', 'ANALYST', 'DATA_STEWARD'] },
  { route: 'users', module: './pages/users.js', profiles: ['ADMINISTRATOR', 'ANALYST'] },
  { route: 'territories', module: './pages/territories.js', profiles: ['ADMINISTRATOR', 'ANALYST'] },
];
/** Pages reached from others, not from the menu. */
const INNER = [{ route: 'record', module: './pages/record.js' }];

let me;

function parse() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { segments, params: new URLSearchParams(query || '') };
}

function home() {
  return me.profile === 'SALES_REP' ? 'leads' : 'dashboard';
}

function menu() {
  const current = parse().segments[0];
  const nav = document.getElementById('nav');
  nav.replaceChildren(el('ul', {}, PAGES.filter((page) => page.profiles.includes(me.profile)).map((page) => el('li', {},
    el('a', { href: `#/${page.route}`, 'aria-current': page.route === current ? 'page' : undefined },
      t(`nav.${page.route}`))))));
}

async function show() {
  const { segments, params } = parse();
  if (!segments.length) {
    location.replace(`#/${home()}`);
    return;
  }
  const page = [...PAGES, ...INNER].find((candidate) => candidate.route === segments[0]);
  const main = document.getElementById('main');
  menu();
  document.getElementById('nav').classList.remove('open');
  document.getElementById('menu-toggle').setAttribute('aria-expanded', 'false');
  if (!page) {
    main.replaceChildren(problem(new Problem(404, {})));
    return;
  }
  const view = el('div', { class: 'page', 'data-page': page.route });
  main.replaceChildren(view);
  if (page.profiles && !page.profiles.includes(me.profile)) {
    // Not in the profile's menu: a rep's dashboard, say, which the API would answer with their team's totals.
    view.append(problem(new Problem(403, {})));
    return;
  }
  try {
    const module = await import(page.module);
    await module.default(view, { me, route: page.route, segments: segments.slice(1), params });
  } catch (error) {
    if (error instanceof Problem && error.status === 401) {
      return;
    }
    view.append(problem(error));
  }
  main.focus({ preventScroll: true });
}

/** Goes to a page, or shows the same one again with what it holds now. */
export function navigate(route, segments = [], params = {}) {
  const hash = href([route, ...segments].map(encodeURIComponent).join('/'), params);
  if (hash === location.hash) {
    show();
  } else {
    location.hash = hash;
  }
}

async function start() {
  const skip = document.querySelector('.skip');
  skip.textContent = t('app.skip');
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
  document.querySelector('#menu-toggle span').textContent = t('app.menu');
  document.querySelector('#sign-out button').textContent = t('app.signOut');
  document.getElementById('nav').setAttribute('aria-label', t('nav.main'));
  document.getElementById('menu-toggle').addEventListener('click', (event) => {
    const open = document.getElementById('nav').classList.toggle('open');
    event.currentTarget.setAttribute('aria-expanded', String(open));
  });
  document.getElementById('sign-out').addEventListener('submit', (event) => {
    event.currentTarget.elements._csrf.value = csrfToken();
  });
  try {
    me = await get('/api/v1/me');
  } catch (error) {
    if (!(error instanceof Problem && error.status === 401)) {
      document.getElementById('main').replaceChildren(problem(error));
    }
    return;
  }
  document.getElementById('who').textContent = t('app.signedInAs',
    { name: me.displayName, profile: t(`profile.${me.profile}`) });
  const returnTo = sessionStorage.getItem('relais.return-to');
  sessionStorage.removeItem('relais.return-to');
  if (returnTo && returnTo !== location.hash) {
    location.replace(returnTo);
  }
  window.addEventListener('hashchange', show);
  show();
}

start();
