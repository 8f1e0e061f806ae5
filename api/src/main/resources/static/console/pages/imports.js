// Imports of files (docs/imports.md): each with how far it got, read again every 2 s while one runs, and the
// file of its refused rows; those who may import send a file from here.
import { get, send } from '../api.js';
import { navigate } from '../app.js';
import { t, messages, moment, number } from '../i18n.js';
import { el, field, select, title, table, problem, pager, progress, whileOngoing } from '../ui.js';

messages({
  en: {
    'imports.title': 'Imports', 'imports.caption': 'Imports, newest first', 'imports.file': 'File',
    'imports.kind': 'Kind', 'imports.LEADS': 'leads', 'imports.ACCOUNTS': 'accounts and contacts',
    'imports.status': 'Status', 'imports.RUNNING': 'Running', 'imports.COMPLETED': 'Completed',
    'imports.FAILED': 'Failed', 'imports.CHECKED': 'Checked', 'imports.by': 'By', 'imports.started': 'Started',
    'imports.progress': 'Progress', 'imports.progressOf': 'Import of {file}', 'imports.rows': '{read} of {rows} rows',
    'imports.secondsLeft': 'about {seconds} s left', 'imports.outcome': 'Outcome',
    'imports.counts': '{created} created, {refused} refused, {already} already imported',
    'imports.errors': 'Refused rows', 'imports.errorsOf': 'Refused rows of {file} (CSV)',
    'imports.errorsLink': 'CSV file', 'imports.keptUntil': 'kept until {date}', 'imports.none': '—',
    'imports.new': 'Import a file', 'imports.fileField': 'CSV file', 'imports.source': 'Source (optional)',
    'imports.dryRun': 'Only check the rows, import nothing', 'imports.send': 'Import',
    'imports.started.notice': 'The import of {file} has started.',
    'imports.checked': 'Checked {rows} rows: {created} would be created, {refused} refused, {already} already '
      + 'imported.', 'imports.refusals': 'Refused rows', 'imports.line': 'Line', 'imports.column': 'Field',
    'imports.problem': 'Problem',
  },
  fr: {
    'imports.title': 'Imports', 'imports.caption': 'Imports, les plus récents d’abord', 'imports.file': 'Fichier',
    'imports.kind': 'Type', 'imports.LEADS': 'pistes', 'imports.ACCOUNTS': 'comptes et contacts',
    'imports.status': 'Statut', 'imports.RUNNING': 'En cours', 'imports.COMPLETED': 'Terminé',
    'imports.FAILED': 'Échoué', 'imports.CHECKED': 'Vérifié', 'imports.by': 'Par', 'imports.started': 'Commencé',
    'imports.progress': 'Avancement', 'imports.progressOf': 'Import de {file}',
    'imports.rows': '{read} lignes sur {rows}', 'imports.secondsLeft': 'environ {seconds} s restantes',
    'imports.outcome': 'Résultat',
    'imports.counts': '{created} créées, {refused} refusées, {already} déjà importées',
    'imports.errors': 'Lignes refusées', 'imports.errorsOf': 'Lignes refusées de {file} (CSV)',
    'imports.errorsLink': 'Fichier CSV', 'imports.keptUntil': 'conservé jusqu’au {date}', 'imports.none': '—',
    'imports.new': 'Importer un fichier', 'imports.fileField': 'Fichier CSV', 'imports.source': 'Source (facultatif)',
    'imports.dryRun': 'Seulement vérifier les lignes, ne rien importer', 'imports.send': 'Importer',
    'imports.started.notice': 'L’import de {file} a commencé.',
    'imports.checked': '{rows} lignes vérifiées : {created} seraient créées, {refused} refusées, {already} déjà '
      + 'importées.', 'imports.refusals': 'Lignes refusées', 'imports.line': 'Ligne', 'imports.column': 'Champ',
    'imports.problem': 'Problème',
  },
});

const IMPORTERS = ['ADMINISTRATOR', 'DATA_STEWARD', 'SALES_MANAGER'];
const BADGES = { COMPLETED: 'good', FAILED: 'bad' };

function errors(item) {
  if (!item.id || !item.refused) {
    return t('imports.none');
  }
  return [el('a', { href: `/api/v1/imports/${encodeURIComponent(item.id)}/errors`, download: '',
    'data-errors': item.id, 'aria-label': t('imports.errorsOf', { file: item.fileName }) }, t('imports.errorsLink')),
  item.errorsKeptUntil ? el('div', { class: 'muted' }, t('imports.keptUntil', { date: moment(item.errorsKeptUntil) }))
    : null];
}

function imports(page) {
  return table(t('imports.caption'), [
    { label: t('imports.file'), value: (item) => el('span', { 'data-import': item.id }, item.fileName) },
    { label: t('imports.kind'), value: (item) => t(`imports.${item.kind}`) },
    { label: t('imports.status'), value: (item) => [el('span', { class: `badge ${BADGES[item.status] || ''}`,
      'data-status': item.status }, t(`imports.${item.status}`)),
    item.failure ? el('div', { class: 'change' }, item.failure) : null] },
    { label: t('imports.progress'), value: (item) => [progress(item.percent,
      t('imports.progressOf', { file: item.fileName })),
    el('div', { class: 'muted' }, t('imports.rows', { read: number(item.read), rows: number(item.rows) })),
    item.secondsLeft === null || item.secondsLeft === undefined ? null
      : el('div', { class: 'muted' }, t('imports.secondsLeft', { seconds: number(item.secondsLeft) }))] },
    { label: t('imports.outcome'), value: (item) => t('imports.counts', { created: number(item.created),
      refused: number(item.refused), already: number(item.alreadyImported) }) },
    { label: t('imports.errors'), value: errors },
    { label: t('imports.by'), value: (item) => item.importedBy },
    { label: t('imports.started'), value: (item) => moment(item.startedAt) },
  ], page.content, { id: 'imports-table' });
}

function checked(answer) {
  const refusals = answer.refusals || [];
  return [el('p', { class: 'notice' }, t('imports.checked', { rows: number(answer.rows),
    created: number(answer.created), refused: number(answer.refused), already: number(answer.alreadyImported) })),
  refusals.length ? table(t('imports.refusals'), [
    { label: t('imports.line'), numeric: true, value: (refusal) => refusal.line },
    { label: t('imports.column'), value: (refusal) => refusal.field },
    { label: t('imports.problem'), value: (refusal) => refusal.problem },
  ], refusals, { id: 'import-refusals' }) : null];
}

function upload(done) {
  const file = el('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const kind = select('kind', [['LEADS', t('imports.LEADS')], ['ACCOUNTS', t('imports.ACCOUNTS')]], 'LEADS');
  const source = el('input', { type: 'text', name: 'source', maxlength: '200' });
  const dryRun = el('input', { type: 'checkbox', name: 'dryRun', value: 'true', id: 'import-dry-run' });
  const outcome = el('div', { role: 'status', id: 'import-outcome' });
  const form = el('form', { class: 'controls', id: 'import-form' }, field(t('imports.fileField'), file),
    field(t('imports.kind'), kind), field(t('imports.source'), source),
    el('div', { class: 'check' }, dryRun, el('label', { for: 'import-dry-run' }, t('imports.dryRun'))),
    el('button', { type: 'submit' }, t('imports.send')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const data = new FormData(form);
      [...data.entries()].filter(([, value]) => value === '').forEach(([name]) => data.delete(name));
      const answer = (await send('POST', '/api/v1/imports', data)).body;
      if (answer.status === 'CHECKED') {
        outcome.replaceChildren(...checked(answer).filter(Boolean));
      } else {
        outcome.replaceChildren(el('p', { class: 'notice' }, t('imports.started.notice', { file: answer.fileName })));
        form.reset();
        done();
      }
    } catch (error) {
      outcome.replaceChildren(problem(error));
    }
  });
  return el('section', { 'aria-labelledby': 'import-title' }, el('h2', { id: 'import-title' }, t('imports.new')),
    form, outcome);
}

export default async function render(view, ctx) {
  const asked = Number(ctx.params.get('page') || 0);
  const at = Number.isInteger(asked) && asked >= 0 ? asked : 0;
  let page = await get('/api/v1/imports', { page: at, size: 20 });
  const holder = el('div', { id: 'imports' });
  const message = el('div', { role: 'status' });
  const draw = () => holder.replaceChildren(...[imports(page),
    page.totalElements > page.size ? pager(page, (next) => navigate('imports', [], { page: next })) : null]
    .filter(Boolean));

  const polling = whileOngoing(view, message, {
    load: () => get('/api/v1/imports', { page: at, size: 20 }),
    show: (found) => {
      page = found;
      draw();
    },
    ongoing: (found) => found.content.some((item) => item.status === 'RUNNING'),
  });

  view.append(title(t('imports.title')), message, holder);
  if (IMPORTERS.includes(ctx.me.profile)) {
    view.append(upload(polling.refresh));
  }
  draw();
  polling.watch(page);
}
