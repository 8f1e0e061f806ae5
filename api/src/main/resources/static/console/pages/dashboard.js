// The managers' dashboard: a team's pipeline, forecast against target, funnel and projection, results, activity,
// data quality and usage, as charts with their figures, for a period and (forecast and funnel) an as-of date.
import { get } from '../api.js';
import { navigate } from '../app.js';
import { t, messages, number, percent, amount, date, moment, locale, term } from '../i18n.js';
import { el, field, title, table, chart, problem } from '../ui.js';

messages({
  en: {
    'dashboard.title': 'Dashboard', 'dashboard.titleOf': 'Dashboard — team of {name}',
    'dashboard.user': 'Team of (user id)', 'dashboard.period': 'Period', 'dashboard.asOf': 'Forecast as of',
    'dashboard.asOfHint': 'Applies to the forecast and the funnel; empty: now.',
    'dashboard.weeks': 'Weeks of activity', 'dashboard.show': 'Show',
    'dashboard.years': 'Years', 'dashboard.quarters': 'Quarters', 'dashboard.months': 'Months',
    'dashboard.quarter': 'Q{quarter} {year}',
    'dashboard.summary': 'Period {period}; forecast and funnel as of {asOf}; activity since {since}; '
      + 'amounts in {currency}.',
    'dashboard.unconverted': 'Deals in {currencies} are left out of the figures: no exchange rate.',
    'dashboard.keyFigures': 'Key figures', 'dashboard.pipelineAndForecast': 'Pipeline and forecast',
    'dashboard.results': 'Results', 'dashboard.activityAndData': 'Activity, data quality and usage',
    'dashboard.card.pipeline': 'Open pipeline', 'dashboard.card.weightedPipeline': 'Weighted pipeline',
    'dashboard.card.openDeals': 'Open deals', 'dashboard.card.wonAmount': 'Won in the period',
    'dashboard.card.wonLost': 'Won / lost deals', 'dashboard.card.winRate': 'Win rate',
    'dashboard.card.averageDealSize': 'Average deal size', 'dashboard.card.averageCycleDays': 'Average sales cycle',
    'dashboard.card.commit': 'Forecast: commit', 'dashboard.card.target': 'Target',
    'dashboard.card.projected': 'Projected result', 'dashboard.card.probabilityOfTarget': 'Chance of reaching target',
    'dashboard.card.overdueTasks': 'Overdue tasks', 'dashboard.card.staleDeals': 'Deals idle {days}+ days',
    'dashboard.wonLost': '{won} / {lost}', 'dashboard.days': '{days} days',
    'dashboard.chart.pipeline': 'Open pipeline by stage', 'dashboard.chart.forecast': 'Forecast against target, '
      + 'by member (each with the people below them)',
    'dashboard.chart.funnel': 'Funnel: conversion by stage', 'dashboard.chart.projection': 'Projected result',
    'dashboard.chart.winRate': 'Win rate by member', 'dashboard.chart.cycle': 'Average sales cycle by member',
    'dashboard.chart.activities': 'Activities done by kind and member, last {weeks} weeks',
    'dashboard.chart.quality': 'Data quality: share of recommended fields filled',
    'dashboard.chart.usage': 'Usage per week',
    'dashboard.amount': 'Amount', 'dashboard.weighted': 'Weighted',
    'dashboard.closedWon': 'Won', 'dashboard.commit': 'Commit', 'dashboard.bestCase': 'Best case',
    'dashboard.pipelineCategory': 'Pipeline', 'dashboard.target': 'Target',
    'dashboard.winRate': 'Win rate', 'dashboard.toNextStage': 'To next stage',
    'dashboard.expectedFromPipeline': 'Expected from pipeline', 'dashboard.expectedFromMeetings':
      'Expected from meetings', 'dashboard.projected': 'Projected', 'dashboard.cycle': 'Days from opening to winning',
    'dashboard.team': 'Team', 'dashboard.accounts': 'Accounts', 'dashboard.contacts': 'Contacts',
    'dashboard.openDeals': 'Open deals', 'dashboard.recordsCreated': 'Records created',
    'dashboard.recordsUpdated': 'Records changed', 'dashboard.activitiesLogged': 'Activities logged',
    'dashboard.weekOf': 'Week of {date}',
    'dashboard.staleDeals': 'Deals with no activity for {days} days', 'dashboard.deal': 'Deal',
    'dashboard.owner': 'Owner', 'dashboard.stage': 'Stage', 'dashboard.lastActivity': 'Last activity',
    'dashboard.never': 'never', 'dashboard.now': 'now',
    'stage.PROSPECTING': 'Prospecting', 'stage.QUALIFICATION': 'Qualification', 'stage.PROPOSAL': 'Proposal',
    'stage.NEGOTIATION': 'Negotiation',
    'kind.CALL': 'Calls', 'kind.EMAIL': 'E-mails', 'kind.NOTE': 'Notes', 'kind.MEETING': 'Meetings',
    'kind.TASK': 'Tasks',
  },
  fr: {
    'dashboard.title': 'Tableau de bord', 'dashboard.titleOf': 'Tableau de bord — équipe de {name}',
    'dashboard.user': 'Équipe de (identifiant)', 'dashboard.period': 'Période', 'dashboard.asOf': 'Prévision au',
    'dashboard.asOfHint': 'S’applique à la prévision et à l’entonnoir ; vide : maintenant.',
    'dashboard.weeks': 'Semaines d’activité', 'dashboard.show': 'Afficher',
    'dashboard.years': 'Années', 'dashboard.quarters': 'Trimestres', 'dashboard.months': 'Mois',
    'dashboard.quarter': 'T{quarter} {year}',
    'dashboard.summary': 'Période {period} ; prévision et entonnoir au {asOf} ; activité depuis le {since} ; '
      + 'montants en {currency}.',
    'dashboard.unconverted': 'Les affaires en {currencies} ne sont pas comptées : pas de taux de change.',
    'dashboard.keyFigures': 'Chiffres clés', 'dashboard.pipelineAndForecast': 'Pipeline et prévision',
    'dashboard.results': 'Résultats', 'dashboard.activityAndData': 'Activité, qualité des données et usage',
    'dashboard.card.pipeline': 'Pipeline ouvert', 'dashboard.card.weightedPipeline': 'Pipeline pondéré',
    'dashboard.card.openDeals': 'Affaires ouvertes', 'dashboard.card.wonAmount': 'Gagné sur la période',
    'dashboard.card.wonLost': 'Affaires gagnées / perdues', 'dashboard.card.winRate': 'Taux de réussite',
    'dashboard.card.averageDealSize': 'Montant moyen gagné', 'dashboard.card.averageCycleDays': 'Cycle de vente moyen',
    'dashboard.card.commit': 'Prévision : engagé', 'dashboard.card.target': 'Objectif',
    'dashboard.card.projected': 'Résultat projeté',
    'dashboard.card.probabilityOfTarget': 'Chance d’atteindre l’objectif',
    'dashboard.card.overdueTasks': 'Tâches en retard',
    'dashboard.card.staleDeals': 'Affaires inactives depuis {days} j',
    'dashboard.wonLost': '{won} / {lost}', 'dashboard.days': '{days} jours',
    'dashboard.chart.pipeline': 'Pipeline ouvert par étape', 'dashboard.chart.forecast': 'Prévision et objectif '
      + 'par membre (chacun avec les personnes sous sa responsabilité)',
    'dashboard.chart.funnel': 'Entonnoir : conversion par étape', 'dashboard.chart.projection': 'Résultat projeté',
    'dashboard.chart.winRate': 'Taux de réussite par membre',
    'dashboard.chart.cycle': 'Cycle de vente moyen par membre',
    'dashboard.chart.activities': 'Activités réalisées par type et par membre, {weeks} dernières semaines',
    'dashboard.chart.quality': 'Qualité des données : part des champs recommandés remplis',
    'dashboard.chart.usage': 'Usage par semaine',
    'dashboard.amount': 'Montant', 'dashboard.weighted': 'Pondéré',
    'dashboard.closedWon': 'Gagné', 'dashboard.commit': 'Engagé', 'dashboard.bestCase': 'Meilleur cas',
    'dashboard.pipelineCategory': 'Pipeline', 'dashboard.target': 'Objectif',
    'dashboard.winRate': 'Taux de réussite', 'dashboard.toNextStage': 'Vers l’étape suivante',
    'dashboard.expectedFromPipeline': 'Attendu du pipeline', 'dashboard.expectedFromMeetings':
      'Attendu des rendez-vous', 'dashboard.projected': 'Projeté', 'dashboard.cycle': 'Jours de l’ouverture au gain',
    'dashboard.team': 'Équipe', 'dashboard.accounts': 'Comptes', 'dashboard.contacts': 'Contacts',
    'dashboard.openDeals': 'Affaires ouvertes', 'dashboard.recordsCreated': 'Fiches créées',
    'dashboard.recordsUpdated': 'Fiches modifiées', 'dashboard.activitiesLogged': 'Activités saisies',
    'dashboard.weekOf': 'Semaine du {date}',
    'dashboard.staleDeals': 'Affaires sans activité depuis {days} jours', 'dashboard.deal': 'Affaire',
    'dashboard.owner': 'Responsable', 'dashboard.stage': 'Étape', 'dashboard.lastActivity': 'Dernière activité',
    'dashboard.never': 'jamais', 'dashboard.now': 'maintenant',
    'stage.PROSPECTING': 'Prospection', 'stage.QUALIFICATION': 'Qualification', 'stage.PROPOSAL': 'Proposition',
    'stage.NEGOTIATION': 'Négociation',
    'kind.CALL': 'Appels', 'kind.EMAIL': 'E-mails', 'kind.NOTE': 'Notes', 'kind.MEETING': 'Rendez-vous',
    'kind.TASK': 'Tâches',
  },
});

/** Profiles that see every team, and so choose whose dashboard they look at. */
const EVERY_TEAM = ['ADMINISTRATOR', 'ANALYST', 'AUDITOR', 'DATA_STEWARD'];
const KINDS = ['CALL', 'EMAIL', 'NOTE', 'MEETING', 'TASK'];

function today() {
  return new Date().toISOString().substring(0, 10);
}

/** The current quarter, as the engine reckons it (UTC). */
function currentQuarter() {
  const now = new Date();
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

const months = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });

function periodLabel(period) {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(period);
  if (quarter) {
    return t('dashboard.quarter', { quarter: quarter[2], year: quarter[1] });
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    return months.format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  }
  return period;
}

/** Years, quarters and months around today's, grouped, the chosen one included. */
function periodControl(value) {
  const now = new Date();
  const year = now.getUTCFullYear();
  const quarter = Math.floor(now.getUTCMonth() / 3);
  const years = [year - 2, year - 1, year, year + 1].map(String);
  const quarters = [];
  for (let offset = -4; offset <= 4; offset += 1) {
    const at = year * 4 + quarter + offset;
    quarters.push(`${Math.floor(at / 4)}-Q${(at % 4) + 1}`);
  }
  const monthly = [];
  for (let offset = -12; offset <= 6; offset += 1) {
    const at = year * 12 + now.getUTCMonth() + offset;
    monthly.push(`${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`);
  }
  const groups = [['dashboard.years', years], ['dashboard.quarters', quarters], ['dashboard.months', monthly]];
  if (!groups.some(([, periods]) => periods.includes(value))) {
    groups.unshift(['dashboard.period', [value]]);
  }
  return el('select', { name: 'period' }, groups.map(([label, periods]) => el('optgroup', { label: t(label) },
    periods.map((period) => el('option', { value: period, selected: period === value }, periodLabel(period))))));
}

function card(key, label, value) {
  return el('div', { class: 'card', 'data-figure': key },
    el('div', { class: 'label' }, label), el('div', { class: 'value' }, value));
}

function days(value) {
  return value === null || value === undefined ? '—' : t('dashboard.days', { days: number(value) });
}

const COUNTS = { precision: 0 };

/**
 * Whose team, for the profiles that see every team: a user id, suggested from the sales managers and, once two
 * letters are typed, from the users whose id or name hold them (a list of every user would not scale).
 */
function userControl(state) {
  const list = el('datalist', { id: 'dashboard-users' });
  const input = el('input', { type: 'text', name: 'user', value: state.userId, list: 'dashboard-users',
    required: true, autocomplete: 'off', spellcheck: 'false' });
  const suggest = async (params) => {
    const asked = input.value;
    const page = await get('/api/v1/users', { active: true, size: 50, ...params });
    if (asked === input.value) {
      list.replaceChildren(...page.content.map((user) => el('option', { value: user.userId }, user.displayName)));
    }
  };
  // Suggestions only help: without them the id typed still works, so their failures are left unsaid.
  const ignore = () => {};
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    timer = setTimeout(() => suggest(text.length >= 2 ? { q: text } : { profile: 'SALES_MANAGER' }).catch(ignore),
      250);
  });
  suggest({ profile: 'SALES_MANAGER' }).catch(ignore);
  const control = field(t('dashboard.user'), input);
  control.append(list);
  return control;
}

function controls(ctx, state) {
  const form = el('form', { class: 'controls', 'aria-label': t('dashboard.title') });
  const asOf = field(t('dashboard.asOf'), el('input', { type: 'date', name: 'asOf', value: state.asOf || undefined,
    max: today(), 'aria-describedby': 'dashboard-as-of-hint' }));
  if (EVERY_TEAM.includes(ctx.me.profile)) {
    form.append(userControl(state));
  }
  form.append(
    field(t('dashboard.period'), periodControl(state.period)),
    asOf,
    field(t('dashboard.weeks'), el('input', { type: 'number', name: 'weeks', min: 1, max: 52, value: state.weeks,
      required: true })),
    el('button', { type: 'submit' }, t('dashboard.show')),
    el('p', { id: 'dashboard-as-of-hint', class: 'hint' }, t('dashboard.asOfHint')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.elements.user ? form.elements.user.value.trim() : state.userId;
    navigate(ctx.route, chosen === ctx.me.userId ? [] : [chosen], {
      period: form.elements.period.value,
      asOf: form.elements.asOf.value,
      weeks: form.elements.weeks.value,
    });
  });
  return form;
}

function keyFigures(board, forecast, funnel) {
  const money = (value) => amount(value, board.currency);
  const team = board.team;
  return el('div', { class: 'cards' },
    card('pipeline', t('dashboard.card.pipeline'), money(team.pipeline)),
    card('weightedPipeline', t('dashboard.card.weightedPipeline'), money(team.weightedPipeline)),
    card('openDeals', t('dashboard.card.openDeals'), number(team.openDeals)),
    card('wonAmount', t('dashboard.card.wonAmount'), money(team.wonAmount)),
    card('wonLost', t('dashboard.card.wonLost'), t('dashboard.wonLost',
      { won: number(team.won), lost: number(team.lost) })),
    card('winRate', t('dashboard.card.winRate'), percent(team.winRate)),
    card('averageDealSize', t('dashboard.card.averageDealSize'), money(team.averageDealSize)),
    card('averageCycleDays', t('dashboard.card.averageCycleDays'), days(team.averageCycleDays)),
    card('commit', t('dashboard.card.commit'), amount(forecast.team.commit, forecast.currency)),
    card('target', t('dashboard.card.target'), amount(forecast.target, forecast.currency)),
    card('projected', t('dashboard.card.projected'), amount(funnel.projected, funnel.currency)),
    card('probabilityOfTarget', t('dashboard.card.probabilityOfTarget'), percent(funnel.probabilityOfTarget)),
    card('overdueTasks', t('dashboard.card.overdueTasks'), number(team.overdueTasks)),
    card('staleDeals', t('dashboard.card.staleDeals', { days: board.staleDays }), number(team.staleDeals)));
}

function pipelineAndForecast(board, forecast, funnel) {
  const money = (value) => amount(value, board.currency);
  const compact = new Intl.NumberFormat(locale, { style: 'currency', currency: board.currency, notation: 'compact' });
  const ticks = (value) => compact.format(value);
  const categories = [['closedWon', 'dashboard.closedWon'], ['commit', 'dashboard.commit'],
    ['bestCase', 'dashboard.bestCase'], ['pipeline', 'dashboard.pipelineCategory']];
  return el('div', { class: 'charts' },
    chart({
      id: 'dashboard-pipeline',
      title: t('dashboard.chart.pipeline'),
      type: 'bar',
      labels: board.pipelineByStage.map((stage) => term(stage.stage, 'stage')),
      datasets: [
        { label: t('dashboard.amount'), data: board.pipelineByStage.map((stage) => stage.amount) },
        { label: t('dashboard.weighted'), data: board.pipelineByStage.map((stage) => stage.weighted) },
      ],
      format: money,
      ticks,
    }),
    chart({
      id: 'dashboard-forecast',
      title: t('dashboard.chart.forecast'),
      type: 'bar',
      stacked: true,
      labels: forecast.lines.map((line) => line.displayName),
      datasets: [
        ...categories.map(([key, label]) => ({ label: t(label), stack: 'forecast',
          data: forecast.lines.map((line) => line.team[key]) })),
        { label: t('dashboard.target'), stack: 'target', data: forecast.lines.map((line) => line.target) },
      ],
      format: (value) => amount(value, forecast.currency),
      ticks,
    }),
    chart({
      id: 'dashboard-funnel',
      title: t('dashboard.chart.funnel'),
      type: 'bar',
      labels: funnel.stages.map((stage) => term(stage.stage, 'stage')),
      datasets: [
        { label: t('dashboard.winRate'), data: funnel.stages.map((stage) => stage.winRate) },
        { label: t('dashboard.toNextStage'), data: funnel.stages.map((stage) => stage.toNextStage) },
      ],
      format: percent,
      ticks: percent,
    }),
    chart({
      id: 'dashboard-projection',
      title: t('dashboard.chart.projection'),
      type: 'bar',
      labels: [t('dashboard.closedWon'), t('dashboard.expectedFromPipeline'), t('dashboard.expectedFromMeetings'),
        t('dashboard.projected'), t('dashboard.target')],
      datasets: [{ label: t('dashboard.amount'), data: [funnel.closedWon, funnel.expectedFromPipeline,
        funnel.expectedFromMeetings, funnel.projected, funnel.target] }],
      format: (value) => amount(value, funnel.currency),
      ticks,
    }));
}

function results(board) {
  const members = board.members;
  return el('div', { class: 'charts' },
    chart({
      id: 'dashboard-win-rate',
      title: t('dashboard.chart.winRate'),
      type: 'bar',
      labels: members.map((member) => member.displayName),
      datasets: [{ label: t('dashboard.winRate'), data: members.map((member) => member.team.winRate) }],
      format: percent,
      ticks: percent,
    }),
    chart({
      id: 'dashboard-cycle',
      title: t('dashboard.chart.cycle'),
      type: 'bar',
      labels: members.map((member) => member.displayName),
      datasets: [{ label: t('dashboard.cycle'), data: members.map((member) => member.team.averageCycleDays) }],
      format: days,
      ticks: COUNTS,
    }));
}

function activityAndData(board) {
  const members = board.members;
  const share = (completeness) => completeness.share;
  const rows = [{ displayName: t('dashboard.team'), figures: board.team },
    ...members.map((member) => ({ displayName: member.displayName, figures: member.own }))];
  return el('div', { class: 'charts' },
    chart({
      id: 'dashboard-activities',
      title: t('dashboard.chart.activities', { weeks: board.team.usage.length }),
      type: 'bar',
      stacked: true,
      labels: KINDS.map((kind) => term(kind, 'kind')),
      datasets: members.map((member) => ({ label: member.displayName,
        data: KINDS.map((kind) => member.own.activities[kind] || 0) })),
      ticks: COUNTS,
    }),
    chart({
      id: 'dashboard-quality',
      title: t('dashboard.chart.quality'),
      type: 'bar',
      labels: rows.map((row) => row.displayName),
      datasets: [['accounts', 'dashboard.accounts'], ['contacts', 'dashboard.contacts'],
        ['deals', 'dashboard.openDeals']].map(([key, label]) => ({ label: t(label),
        data: rows.map((row) => share(row.figures.dataQuality[key])) })),
      format: percent,
      ticks: percent,
    }),
    chart({
      id: 'dashboard-usage',
      title: t('dashboard.chart.usage'),
      type: 'line',
      labels: board.team.usage.map((week) => t('dashboard.weekOf', { date: date(week.weekStart) })),
      datasets: [['recordsCreated', 'dashboard.recordsCreated'], ['recordsUpdated', 'dashboard.recordsUpdated'],
        ['activitiesLogged', 'dashboard.activitiesLogged']].map(([key, label]) => ({ label: t(label),
        data: board.team.usage.map((week) => week[key]) })),
      ticks: COUNTS,
    }));
}

function staleDeals(board) {
  const names = new Map(board.members.map((member) => [member.userId, member.displayName]));
  const caption = t('dashboard.staleDeals', { days: board.staleDays });
  return [el('h2', {}, caption), table(caption, [
    { label: t('dashboard.deal'), value: (deal) => deal.name },
    { label: t('dashboard.owner'), value: (deal) => names.get(deal.ownerId) || deal.ownerId },
    { label: t('dashboard.stage'), value: (deal) => term(deal.stage, 'stage') },
    { label: t('dashboard.amount'), value: (deal) => amount(deal.amount, deal.currency), numeric: true },
    { label: t('dashboard.lastActivity'), value: (deal) => (deal.lastActivityAt ? moment(deal.lastActivityAt)
      : t('dashboard.never')) },
  ], board.staleDeals, { id: 'dashboard-stale' })];
}

/** The currencies some deals of the dashboard, the forecast or the funnel are in, that have no exchange rate. */
function unconverted(...views) {
  const currencies = [...new Set(views.flatMap((view) => view.unconverted.map((left) => left.currency)))];
  return currencies.length ? [el('p', { class: 'notice', role: 'status' },
    t('dashboard.unconverted', { currencies: currencies.join(', ') }))] : [];
}

export default async function render(view, ctx) {
  const heading = title(t('dashboard.title'));
  view.append(heading);
  const state = {
    userId: ctx.segments[0] || ctx.me.userId,
    period: ctx.params.get('period') || currentQuarter(),
    asOf: ctx.params.get('asOf') || '',
    weeks: ctx.params.get('weeks') || '4',
  };
  view.setAttribute('aria-busy', 'true');
  const loading = el('p', { class: 'loading' }, t('ui.loading'));
  view.append(controls(ctx, state), loading);
  let board;
  let forecast;
  let funnel;
  try {
    const figures = { period: state.period, asOf: state.asOf };
    const path = encodeURIComponent(state.userId);
    [board, forecast, funnel] = await Promise.all([
      get(`/api/v1/dashboards/${path}`, { period: state.period, weeks: state.weeks }),
      get(`/api/v1/forecasts/${path}`, figures),
      get(`/api/v1/forecasts/${path}/funnel`, figures),
    ]);
  } catch (error) {
    loading.replaceWith(problem(error));
    view.removeAttribute('aria-busy');
    return;
  }
  const owner = [...board.members, ctx.me].find((user) => user.userId === state.userId);
  heading.replaceWith(title(t('dashboard.titleOf', { name: owner ? owner.displayName : state.userId })));
  loading.replaceWith(
    el('p', { class: 'summary' }, t('dashboard.summary', { period: periodLabel(board.period),
      asOf: forecast.asOf ? moment(forecast.asOf) : t('dashboard.now'), since: date(board.activitySince),
      currency: board.currency })),
    ...unconverted(board, forecast, funnel),
    el('h2', {}, t('dashboard.keyFigures')), keyFigures(board, forecast, funnel),
    el('h2', {}, t('dashboard.pipelineAndForecast')), pipelineAndForecast(board, forecast, funnel),
    el('h2', {}, t('dashboard.results')), results(board),
    el('h2', {}, t('dashboard.activityAndData')), activityAndData(board),
    ...staleDeals(board));
  view.removeAttribute('aria-busy');
  // what the page shows, for whoever waits for it (the browser tests)
  view.dataset.shown = JSON.stringify(state);
}
