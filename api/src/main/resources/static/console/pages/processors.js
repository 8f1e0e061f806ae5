// The event processors (docs/operations.md): state, lag, a rebuild's progress (read again every 2 s while one
// runs), and a projection's dead letters; administrators rebuild, retry and evict.
import { get, send } from '../api.js';
import { t, messages, moment, number } from '../i18n.js';
import { el, field, title, table, problem, href, progress, whileOngoing } from '../ui.js';

messages({
  en: {
    'processors.title': 'Processors', 'processors.caption': 'Event processors',
    'processors.intro': 'Each processor reads the event store in order: projections build the read models, '
      + 'process managers send commands.',
    'processors.name': 'Processor', 'processors.state': 'State', 'processors.progress': 'Lag or rebuild',
    'processors.position': 'Position / head', 'processors.pace': 'Pace', 'processors.deadLetters': 'Dead letters',
    'processors.actions': 'Actions', 'processors.PROJECTION': 'projection',
    'processors.PROCESS_MANAGER': 'process manager', 'processors.UP': 'Up', 'processors.DEGRADED': 'Degraded',
    'processors.DOWN': 'Down', 'processors.notRunning': 'not running on this node',
    'processors.caughtUp': 'Caught up', 'processors.behind': '{events} events behind ({seconds} s)',
    'processors.rebuilding': 'Rebuilding', 'processors.rebuildOf': 'Rebuild of {name}',
    'processors.secondsLeft': 'about {seconds} s left', 'processors.perSecond': '{pace} events/s',
    'processors.rebuild': 'Rebuild', 'processors.rebuildName': 'Rebuild {name}',
    'processors.confirmRebuild': 'Rebuild {name}? Its tables are emptied and filled again from the whole event '
      + 'store; meanwhile its lists are partial.',
    'processors.rebuildStarted': 'The rebuild of {name} has started.',
    'processors.showLetters': '{count} — show', 'processors.lettersOf': 'Dead letters of {name}',
    'processors.lettersTotal': '{total} in all, the first {shown} shown.', 'processors.back': 'All processors',
    'processors.noLetters': 'No dead letters: every event was applied.',
    'processors.event': 'Event', 'processors.record': 'Record', 'processors.stored': 'Stored',
    'processors.setAside': 'Set aside', 'processors.lastTried': 'Last tried', 'processors.attempts': 'Attempts',
    'processors.cause': 'Why', 'processors.waiting': 'waits behind an earlier letter of the record',
    'processors.retryAll': 'Retry every dead letter', 'processors.retry': 'Retry',
    'processors.retryOf': 'Retry the sequence of {event}', 'processors.evict': 'Evict…',
    'processors.evictOf': 'Evict {event}', 'processors.reason': 'Why it is evicted',
    'processors.confirmEvict': 'Evict for good', 'processors.cancel': 'Cancel',
    'processors.retried': '{applied} sequence(s) applied; {left} dead letter(s) left.',
    'processors.evicted': 'Evicted; {left} dead letter(s) left.',
  },
  fr: {
    'processors.title': 'Processeurs', 'processors.caption': 'Processeurs d’événements',
    'processors.intro': 'Chaque processeur lit le stock d’événements dans l’ordre : les projections construisent '
      + 'les modèles de lecture, les gestionnaires de processus envoient des commandes.',
    'processors.name': 'Processeur', 'processors.state': 'État', 'processors.progress': 'Retard ou reconstruction',
    'processors.position': 'Position / tête', 'processors.pace': 'Rythme', 'processors.deadLetters': 'Lettres mortes',
    'processors.actions': 'Actions', 'processors.PROJECTION': 'projection',
    'processors.PROCESS_MANAGER': 'gestionnaire de processus', 'processors.UP': 'En service',
    'processors.DEGRADED': 'Dégradé', 'processors.DOWN': 'Arrêté', 'processors.notRunning': 'arrêté sur ce nœud',
    'processors.caughtUp': 'À jour', 'processors.behind': '{events} événements de retard ({seconds} s)',
    'processors.rebuilding': 'Reconstruction', 'processors.rebuildOf': 'Reconstruction de {name}',
    'processors.secondsLeft': 'environ {seconds} s restantes', 'processors.perSecond': '{pace} événements/s',
    'processors.rebuild': 'Reconstruire', 'processors.rebuildName': 'Reconstruire {name}',
    'processors.confirmRebuild': 'Reconstruire {name} ? Ses tables sont vidées puis remplies à nouveau depuis tout '
      + 'le stock d’événements ; entre-temps ses listes sont partielles.',
    'processors.rebuildStarted': 'La reconstruction de {name} a commencé.',
    'processors.showLetters': '{count} — voir', 'processors.lettersOf': 'Lettres mortes de {name}',
    'processors.lettersTotal': '{total} en tout, les {shown} premières affichées.',
    'processors.back': 'Tous les processeurs',
    'processors.noLetters': 'Aucune lettre morte : chaque événement a été appliqué.',
    'processors.event': 'Événement', 'processors.record': 'Enregistrement', 'processors.stored': 'Enregistré',
    'processors.setAside': 'Mis de côté', 'processors.lastTried': 'Dernier essai', 'processors.attempts': 'Essais',
    'processors.cause': 'Pourquoi', 'processors.waiting': 'attend derrière une lettre précédente de l’enregistrement',
    'processors.retryAll': 'Réessayer toutes les lettres mortes', 'processors.retry': 'Réessayer',
    'processors.retryOf': 'Réessayer la séquence de {event}', 'processors.evict': 'Écarter…',
    'processors.evictOf': 'Écarter {event}', 'processors.reason': 'Pourquoi l’écarter',
    'processors.confirmEvict': 'Écarter définitivement', 'processors.cancel': 'Annuler',
    'processors.retried': '{applied} séquence(s) appliquée(s) ; {left} lettre(s) morte(s) restante(s).',
    'processors.evicted': 'Écartée ; {left} lettre(s) morte(s) restante(s).',
  },
});

function path(name) {
  return `/api/v1/admin/processors/${encodeURIComponent(name)}`;
}

function notice(text) {
  return el('p', { class: 'notice' }, text);
}

/** Keeps the keyboard's place when a part of the page is drawn again: the control with the same data-key. */
function redraw(holder, ...children) {
  const active = document.activeElement;
  const key = active && holder.contains(active) ? active.dataset.key : undefined;
  holder.replaceChildren(...children);
  if (key) {
    const again = holder.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (again && !again.disabled) {
      again.focus();
    }
  }
}

function state(processor) {
  const good = processor.status === 'UP';
  return [el('span', { class: `badge ${good ? 'good' : 'bad'}`, 'data-status': processor.status },
    t(`processors.${processor.status}`)),
  processor.running ? null : el('div', { class: 'muted' }, t('processors.notRunning'))];
}

function lagOrRebuild(processor) {
  if (processor.replaying) {
    return el('div', { class: 'rebuild', 'data-rebuilding': processor.name },
      el('div', {}, t('processors.rebuilding')),
      progress(processor.replayPercent, t('processors.rebuildOf', { name: processor.name })),
      processor.replaySecondsLeft === null || processor.replaySecondsLeft === undefined ? null
        : el('div', { class: 'muted' }, t('processors.secondsLeft', { seconds: number(processor.replaySecondsLeft) })));
  }
  if (processor.lag === 0) {
    return el('span', { class: 'badge good', 'data-caught-up': processor.name }, t('processors.caughtUp'));
  }
  return el('span', { 'data-lag': processor.lag },
    t('processors.behind', { events: number(processor.lag), seconds: number(processor.lagSeconds) }));
}

export default async function render(view, ctx) {
  const admin = ctx.me.profile === 'ADMINISTRATOR';
  const selected = ctx.segments[0];
  let processors = (await get('/api/v1/admin/processors')).processors;
  const letters = selected ? await get(`${path(selected)}/dead-letters`) : null;
  const message = el('div', { role: 'status', id: 'processors-message' });
  const holder = el('div', { id: 'processors' });
  const polling = whileOngoing(view, message, {
    load: async () => (await get('/api/v1/admin/processors')).processors,
    show: (found) => {
      processors = found;
      // eslint-disable-next-line no-use-before-define
      draw();
    },
    ongoing: (found) => found.some((processor) => processor.replaying),
  });

  async function rebuild(processor) {
    if (!window.confirm(t('processors.confirmRebuild', { name: processor.name }))) {
      return;
    }
    try {
      const started = (await send('POST', `${path(processor.name)}/rebuild`)).body;
      processors = processors.map((one) => (one.name === started.name ? started : one));
      message.replaceChildren(notice(t('processors.rebuildStarted', { name: processor.name })));
    } catch (error) {
      message.replaceChildren(problem(error));
    }
    // eslint-disable-next-line no-use-before-define
    draw();
    polling.watch(processors);
  }

  function draw() {
    const columns = [
      { label: t('processors.name'), value: (processor) => [el('span', { 'data-processor': processor.name },
        processor.name), el('div', { class: 'muted' }, `${t(`processors.${processor.kind}`)}, ${processor.mode}`)] },
      { label: t('processors.state'), value: state },
      { label: t('processors.progress'), value: lagOrRebuild },
      { label: t('processors.position'), numeric: true,
        value: (processor) => `${number(processor.position)} / ${number(processor.head)}` },
      { label: t('processors.pace'), numeric: true, value: (processor) => (processor.eventsPerSecond === null
        ? '—' : t('processors.perSecond', { pace: number(processor.eventsPerSecond) })) },
      { label: t('processors.deadLetters'), numeric: true, value: (processor) => (processor.kind !== 'PROJECTION'
        ? '—' : el('a', { href: href(`processors/${processor.name}`), 'data-key': `letters-${processor.name}`,
          'aria-current': processor.name === selected ? 'true' : undefined },
        t('processors.showLetters', { count: number(processor.deadLetters) }))) },
    ];
    if (admin) {
      columns.push({ label: t('processors.actions'), value: (processor) => (processor.kind !== 'PROJECTION' ? null
        : el('button', { type: 'button', class: 'secondary', 'data-key': `rebuild-${processor.name}`,
          'data-rebuild': processor.name, disabled: processor.replaying,
          'aria-label': t('processors.rebuildName', { name: processor.name }),
          onclick: () => rebuild(processor) }, t('processors.rebuild'))) });
    }
    redraw(holder, table(t('processors.caption'), columns, processors, { id: 'processors-table' }));
  }

  view.append(title(t('processors.title')), el('p', {}, t('processors.intro')), message, holder);
  draw();
  polling.watch(processors);
  if (letters) {
    // eslint-disable-next-line no-use-before-define
    view.append(deadLetters(selected, letters, admin, async () => {
      await polling.refresh();
      return get(`${path(selected)}/dead-letters`);
    }));
  }
}

function deadLetters(name, first, admin, reload) {
  const section = el('section', { 'aria-labelledby': 'letters-title', id: 'dead-letters' });
  const message = el('div', { role: 'status' });
  const holder = el('div');

  async function act(call, text) {
    try {
      const answer = (await call()).body;
      message.replaceChildren(notice(text(answer)));
      // eslint-disable-next-line no-use-before-define
      show(await reload());
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  }

  const retry = (eventId) => act(
    () => send('POST', `${path(name)}/dead-letters/retry`, eventId ? { eventId } : undefined),
    (answer) => t('processors.retried', { applied: number(answer.sequencesApplied),
      left: number(answer.deadLettersLeft) }),
  );

  function evictForm(letter, cell) {
    const reason = el('input', { name: 'reason', type: 'text', required: true, maxlength: '500' });
    const form = el('form', { class: 'controls' }, field(t('processors.reason'), reason),
      el('button', { type: 'submit' }, t('processors.confirmEvict')),
      el('button', { type: 'button', class: 'secondary', onclick: () => cell.replaceChildren(...actions(letter)) },
        t('processors.cancel')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(() => send('POST', `${path(name)}/dead-letters/eviction`, { eventId: letter.eventId, reason: reason.value }),
        (answer) => t('processors.evicted', { left: number(answer.deadLettersLeft) }));
    });
    cell.replaceChildren(form);
    reason.focus();
  }

  function actions(letter) {
    const cell = el('div', { class: 'actions' });
    cell.append(el('button', { type: 'button', class: 'secondary',
      'aria-label': t('processors.retryOf', { event: letter.eventId }), onclick: () => retry(letter.eventId) },
    t('processors.retry')),
    el('button', { type: 'button', class: 'secondary', 'aria-label': t('processors.evictOf', { event: letter.eventId }),
      onclick: () => evictForm(letter, cell) }, t('processors.evict')));
    return [cell];
  }

  function show(list) {
    if (!list.deadLetters.length) {
      holder.replaceChildren(el('p', { class: 'empty', id: 'no-dead-letters' }, t('processors.noLetters')));
      return;
    }
    const columns = [
      { label: t('processors.event'), value: (letter) => [el('span', {}, letter.type),
        el('div', { class: 'muted' }, letter.eventId)] },
      { label: t('processors.record'), value: (letter) => `${letter.recordId ?? '—'}`
        + `${letter.sequenceNumber === null ? '' : ` #${letter.sequenceNumber}`}` },
      { label: t('processors.stored'), value: (letter) => moment(letter.occurredAt) },
      { label: t('processors.setAside'), value: (letter) => moment(letter.enqueuedAt) },
      { label: t('processors.lastTried'), value: (letter) => moment(letter.lastTouched) },
      { label: t('processors.attempts'), numeric: true, value: (letter) => number(letter.attempts) },
      { label: t('processors.cause'), value: (letter) => (letter.causeType
        ? [el('div', {}, letter.causeType), el('div', { class: 'change' }, letter.causeMessage || '')]
        : el('span', { class: 'muted' }, t('processors.waiting'))) },
    ];
    if (admin) {
      columns.push({ label: t('processors.actions'), value: actions });
    }
    holder.replaceChildren(...[el('p', {}, t('processors.lettersTotal', { total: number(list.total),
      shown: number(list.deadLetters.length) })),
    admin ? el('p', {}, el('button', { type: 'button', onclick: () => retry() }, t('processors.retryAll'))) : null,
    table(t('processors.lettersOf', { name }), columns, list.deadLetters, { id: 'dead-letters-table' })]
      .filter(Boolean));
  }

  section.append(el('h2', { id: 'letters-title' }, t('processors.lettersOf', { name })),
    el('p', {}, el('a', { href: href('processors') }, t('processors.back'))), message, holder);
  show(first);
  return section;
}
