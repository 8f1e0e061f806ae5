// The territories (docs/territories.md): each one's rules, highest priority first, and its reps in turn order;
// and who receives the leads no rule matches.
import { get } from '../api.js';
import { navigate } from '../app.js';
import { t, messages } from '../i18n.js';
import { el, title, table, pager } from '../ui.js';

messages({
  en: {
    'territories.title': 'Territories', 'territories.defaultOwner': 'Leads no rule matches go to: {owner}',
    'territories.defaultQueue': 'Leads no rule matches stay in the default queue (no owner).',
    'territories.rules': 'Rules of {name}', 'territories.priority': 'Priority', 'territories.country': 'Country',
    'territories.postalCode': 'Postal code starts with', 'territories.naf': 'NAF code starts with',
    'territories.size': 'Company size', 'territories.anything': 'any', 'territories.noRule': 'No rule yet.',
    'territories.members': 'Reps, in turn order', 'territories.noMember': 'No rep: its rules route nothing.',
    'territories.rule': 'Rule',
  },
  fr: {
    'territories.title': 'Territoires', 'territories.defaultOwner': 'Les pistes sans règle applicable vont à : {owner}',
    'territories.defaultQueue': 'Les pistes sans règle applicable restent dans la file par défaut (sans '
      + 'propriétaire).',
    'territories.rules': 'Règles de {name}', 'territories.priority': 'Priorité', 'territories.country': 'Pays',
    'territories.postalCode': 'Code postal commençant par', 'territories.naf': 'Code NAF commençant par',
    'territories.size': 'Taille d’entreprise', 'territories.anything': 'tous', 'territories.noRule': 'Aucune règle.',
    'territories.members': 'Commerciaux, dans l’ordre du tour',
    'territories.noMember': 'Aucun commercial : ses règles n’attribuent rien.', 'territories.rule': 'Règle',
  },
});

function criterion(value) {
  return value ? value : el('span', { class: 'muted' }, t('territories.anything'));
}

function territory(one) {
  const heading = `territory-${one.territoryId}`;
  return el('section', { class: 'card territory', 'aria-labelledby': heading, 'data-territory': one.territoryId },
    el('h2', { id: heading }, one.name, ' ', el('span', { class: 'muted' }, `(${one.territoryId})`)),
    one.rules.length ? table(t('territories.rules', { name: one.name }), [
      { label: t('territories.rule'), value: (rule) => rule.ruleId },
      { label: t('territories.priority'), numeric: true, value: (rule) => rule.priority },
      { label: t('territories.country'), value: (rule) => criterion(rule.criteria.country) },
      { label: t('territories.postalCode'), value: (rule) => criterion(rule.criteria.postalCodePrefix) },
      { label: t('territories.naf'), value: (rule) => criterion(rule.criteria.nafCodePrefix) },
      { label: t('territories.size'), value: (rule) => criterion(rule.criteria.companySize) },
    ], one.rules) : el('p', { class: 'empty' }, t('territories.noRule')),
    el('h3', {}, t('territories.members')),
    one.members.length ? el('ol', { class: 'members' }, one.members.map((member) => el('li', {}, member)))
      : el('p', { class: 'empty' }, t('territories.noMember')));
}

export default async function render(view, ctx) {
  const asked = Number(ctx.params.get('page') || 0);
  const [page, routing] = await Promise.all([get('/api/v1/territories', { page: asked, size: 20 }),
    get('/api/v1/lead-routing')]);
  view.append(title(t('territories.title')),
    el('p', { id: 'default-owner' }, routing.defaultOwnerId
      ? t('territories.defaultOwner', { owner: routing.defaultOwnerId }) : t('territories.defaultQueue')),
    ...(page.content.length ? page.content.map(territory) : [el('p', { class: 'empty' }, t('ui.empty'))]),
    page.totalElements > page.size ? pager(page, (next) => navigate('territories', [], { page: next })) : '');
}
