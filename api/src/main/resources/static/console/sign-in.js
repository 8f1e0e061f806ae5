// The sign-in form posts the user and password with the CSRF token the engine set as a cookie.
import { csrfToken } from './api.js';
import { t, messages } from './i18n.js';

messages({
  en: {
    'signIn.title': 'Sign in', 'signIn.user': 'User', 'signIn.password': 'Password', 'signIn.submit': 'Sign in',
    'signIn.error': 'Wrong user or password, or the user is deactivated.',
    'signIn.throttled': 'Too many failed sign-ins: try again in a few minutes.',
    'signIn.signedOut': 'You are signed out.',
  },
  fr: {
    'signIn.title': 'Connexion', 'signIn.user': 'Utilisateur', 'signIn.password': 'Mot de passe',
    'signIn.submit': 'Se connecter',
    'signIn.error': 'Utilisateur ou mot de passe erroné, ou utilisateur désactivé.',
    'signIn.throttled': 'Trop d’échecs de connexion : réessayez dans quelques minutes.',
    'signIn.signedOut': 'Vous êtes déconnecté.',
  },
});

document.title = `${t('signIn.title')} — Relais`;
document.querySelectorAll('[data-text]').forEach((element) => {
  element.textContent = t(element.dataset.text);
});
const query = new URLSearchParams(location.search);
const message = document.getElementById('message');
const shown = query.get('error') === 'throttled' ? 'signIn.throttled'
  : query.has('error') ? 'signIn.error' : query.has('signed-out') ? 'signIn.signedOut' : null;
if (shown) {
  message.textContent = t(shown);
  message.hidden = false;
  message.className = query.has('error') ? 'problem' : 'notice';
}
document.getElementById('sign-in-form').addEventListener('submit', (event) => {
  event.currentTarget.elements._csrf.value = csrfToken();
  // the console's page the browser was sent from (an address's fragment does not go to the server)
  if (location.hash) {
    sessionStorage.setItem('relais.return-to', location.hash);
  }
});
document.getElementById('userId').focus();
