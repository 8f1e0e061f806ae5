// The signed-in user's alerts: reminders, overdue tasks, changes to what they follow and workflow rules' notices;
// unread ones first marked, and all marked read at once.
import { get, send } from '../api.js';
import { navigate } from '../app.js';
import { t, messages, moment } from '../i18n.js';
import { el, field, select, table, title, pager, href } from '../ui.js';

messages({
  en: {
    'alerts.title': 'Alerts', 'alerts.show': 'Show', 'alerts.all': 'All', 'alerts.unread': 'Unread only',
    'alerts.markRead': 'Mark all as read', 'alerts.marked': 'All alerts are marked read.', 'alerts.when': 'When',
    'alerts.kind': 'Kind', 'alerts.about': 'About', 'alerts.what': 'What', 'alerts.state': 'State',
    'alerts.new': 'new', 'alerts.read': 'read',
    'alert.REMINDER': 'Reminder', 'alert.OVERDUE': 'Overdue', 'alert.CHANGE': 'Change', 'alert.RULE': 'Rule',
  },
  fr: {
    'alerts.title': 'Alertes', 'alerts.show': 'Afficher', 'alerts.all': 'Toutes', 'alerts.unread': 'Non lues',
    'alerts.markRead': 'Tout marquer comme lu', 'alerts.marked': 'Toutes les alertes sont marquées lues.',
    'alerts.when': 'Quand', 'alerts.kind': 'Type', 'alerts.about': 'À propos de', 'alerts.what': 'Quoi',
    'alerts.state': 'État', 'alerts.new': 'nouvelle', 'alerts.read': 'lue',
    'alert.REMINDER': 'Rappel', 'alert.OVERDUE': 'En retard', 'alert.CHANGE': 'Modification', 'alert.RULE': 'Règle',
  },
});

const RECORD_ROUTES = { LEAD: 'lead', ACCOUNT: 'account', OPPORTUNITY: 'deal', ACTIVITY: 'activity' };

function about(alert) {
  if (alert.activityId) {
    return el('a', { href: href(`record/activity/${encodeURIComponent(alert.activityId)}`) },
      alert.subject || alert.activityId);
  }
  const route = RECORD_ROUTES[alert.followedKind];
  return route ? el('a', { href: href(`record/${route}/${encodeURIComponent(alert.followedId)}`) },
    alert.followedId) : '—';
}

export default async function render(view, { route, params }) {
  const unread = params.get('unread') === 'true';
  const page = Number(params.get('page') || 0);
  const answer = await get('/api/v1/alerts', { unread: unread || undefined, page });
  const choice = select('unread', [['false', t('alerts.all')], ['true', t('alerts.unread')]], String(unread));
  choice.addEventListener('change', () => navigate(route, [], { unread: choice.value === 'true' ? 'true' : '' }));
  const status = el('p', { role: 'status' });
  const markRead = el('button', {
    type: 'button',
    disabled: !answer.content.some((alert) => !alert.read),
    onclick: async (event) => {
      await send('POST', '/api/v1/alerts/read', {});
      view.querySelectorAll('.badge.bad').forEach((badge) => {
        badge.className = 'badge';
        badge.textContent = t('alerts.read');
      });
      event.target.disabled = true;
      status.textContent = t('alerts.marked');
    },
  }, t('alerts.markRead'));
  view.append(title(t('alerts.title')), el('div', { class: 'controls' }, field(t('alerts.show'), choice), markRead),
    status,
    table(t('alerts.title'), [
      { label: t('alerts.when'), value: (alert) => moment(alert.dueAt || alert.event.occurredAt) },
      { label: t('alerts.kind'), value: (alert) => t(`alert.${alert.kind}`) },
      { label: t('alerts.about'), value: about },
      { label: t('alerts.what'), value: (alert) => `${alert.event.type} · ${alert.event.userId}` },
      { label: t('alerts.state'), value: (alert) => el('span', { class: alert.read ? 'badge' : 'badge bad' },
        t(alert.read ? 'alerts.read' : 'alerts.new')) },
    ], answer.content, { id: 'alerts-list' }),
    pager(answer, (next) => navigate(route, [], { unread: unread ? 'true' : '', page: next })));
}
