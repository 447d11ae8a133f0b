import type { AnyMachineSnapshot } from 'xstate';
import type { AreaFacts } from '../../../machines/area-facts.ts';
import { topics } from '../../../machines/explain.ts';
import { variantFor } from '../../../machines/prompts.ts';
import type { Answers, Problem } from '../../../machines/types.ts';
import { fieldsAsked } from '../../../referral/catalogue.ts';
import { areaVars, nextStepKeys, outcomeLines } from '../../../referral/outcome.ts';
import { assess, helpLinesFor, noSafeWay } from '../../../referral/rules.ts';
import type { Words } from '../../lib/words.ts';
import { AreaCard } from './AreaCard.tsx';
import { loadedPhases } from './services.ts';
import type { Translate } from './words.ts';

export type AreaOption = { code: string; name: string; region: string };
export type HelpLine = { id: string; name: string; number?: string; email?: string; purpose: string; hours?: string; alternatives?: string[] };

/** Data from the site that the chat shows: the areas to choose from, and the help lines. */
export type ChatData = { areas: AreaOption[]; help: HelpLine[] };

export type Send = (event: { type: string; [key: string]: unknown }, toPhase?: boolean) => void;

/** Which screen the conversation is on, from the charts' states. */
export type View =
  | 'menu' | 'service' | 'outcome' | 'sent' | 'help' | 'confirmRestart'
  | 'explainTopics' | 'explainMore' | 'check' | 'sending' | 'failed' | 'question' | 'loading';

type Props = {
  t: Translate;
  words: Words;
  data: ChatData;
  view: View;
  parent: AnyMachineSnapshot;
  phase: AnyMachineSnapshot | undefined;
  promptId: string;
  send: Send;
};

/** The questions chart's states that belong to finding a place. */
const placeStates = ['confirmingPreset', 'listing', 'choosingPlace', 'outside', 'lookingUp', 'loadingArea', 'retyping'];


/** The controls for the step the conversation is on. */
export function StepPanel({ t, words, data, view, parent, phase, promptId, send }: Props) {
  // Loaded by the time a question or check your answers is shown (the charts that lead there come with them).
  const { QuestionStep, PlaceStep, CheckAnswers } = loadedPhases() ?? ({} as NonNullable<ReturnType<typeof loadedPhases>>);
  const answers = (phase?.context.answers ?? parent.context.answers) as Answers;
  const area = (phase?.context.area ?? parent.context.area) as AreaFacts | undefined;
  const vars = areaVars(area);
  const toPhase = (event: { type: string; [key: string]: unknown }) => send(event, true);
  const canBack = phase ? phase.can({ type: 'nav.back' }) : parent.can({ type: 'nav.back' });
  const back = canBack ? (
    <button type="button" className="button button--secondary" onClick={() => send({ type: 'nav.back' }, Boolean(phase))}>{t('common.back')}</button>
  ) : null;

  switch (view) {
    case 'menu':
      return (
        <div role="group" aria-labelledby={promptId} className="chat-choices">
          {(['learn', 'check', 'refer', 'find'] as const).map((choice) => (
            // Real links: a tap before the page is ready reloads it at that choice, so nothing is lost.
            <a key={choice} href={`?start=${choice}`} className="button button--choice" onClick={(event) => { event.preventDefault(); send({ type: 'menu.choose', choice }); }}>
              {t(`conversation.choices.${choice}`)}
            </a>
          ))}
        </div>
      );
    case 'confirmRestart':
      return (
        <div className="panel panel--warning" role="group" aria-labelledby="restart-question">
          <p id="restart-question" tabIndex={-1} data-focus><strong>{t('common.startAgainConfirm')}</strong></p>
          <div className="actions">
            <button type="button" className="button button--warning" onClick={() => send({ type: 'conversation.restart' })}>{t('common.startAgainYes')}</button>
            <button type="button" className="button button--secondary" onClick={() => send({ type: 'restart.cancel' })}>{t('common.startAgainNo')}</button>
          </div>
        </div>
      );
    case 'explainTopics':
    case 'explainMore':
      return (
        <>
          <div role="group" aria-labelledby={promptId} className="chat-choices">
            {topics.map((topic) => (
              <button key={topic} type="button" className="button button--choice" onClick={() => toPhase({ type: 'topic.choose', topic })}>{t(`explain.topics.${topic}.label`)}</button>
            ))}
          </div>
          {view === 'explainMore' && <p><a href="/evidence/">{t('explain.topics.evidence.label')}</a></p>}
          <div className="actions">
            <button type="button" className="button" onClick={() => toPhase({ type: 'explain.check' })}>{t('explain.check')}</button>
            <button type="button" className="button button--secondary" onClick={() => toPhase({ type: 'nav.back' })}>{t('common.backToMenu')}</button>
          </div>
        </>
      );
    case 'question': {
      const step = String(phase?.context.step ?? '');
      const placeState = placeStates.some((state) => phase?.matches({ asking: state }));
      const isPlace = placeState || fieldsAsked(step, answers).some((entry) => entry.kind === 'place');
      if (isPlace && phase) return <PlaceStep t={t} words={words} phase={phase} areas={data.areas} promptId={promptId} send={send} back={back} />;
      const variant = variantFor(fieldsAsked(step, answers)[0], answers);
      const wrongArea = step === 'happenedHere' && (
        <button type="button" className="button button--secondary" onClick={() => toPhase({ type: 'place.wrong' })}>{t('questions.happenedHere.wrongArea')}</button>
      );
      return (
        <QuestionStep key={`${step}-${parent.context.nextId}`} t={t} words={words} step={step} answers={answers} problems={(phase?.context.problems ?? []) as Problem[]} promptId={promptId}
          variant={variant} vars={vars} onSubmit={(values) => toPhase({ type: 'answer.submit', values })} actions={<>{wrongArea}{back}</>} />
      );
    }
    case 'service':
    case 'outcome':
      return <Outcome t={t} data={data} view={view} parent={parent} send={send} back={back} area={area} />;
    case 'check':
    case 'failed': {
      const failed = view === 'failed';
      const canRetry = failed && phase?.can({ type: 'referral.retry' });
      const problem = phase?.context.problem as string | undefined;
      return (
        <>
          {failed && (
            <div className="panel panel--warning" role="alert" tabIndex={-1} data-focus>
              <p>{t(`failed.${String(phase?.context.failure ?? 'unavailable')}`, vars)}</p>
              {canRetry && <button type="button" className="button" onClick={() => toPhase({ type: 'referral.retry' })}>{t('failed.retryButton')}</button>}
            </div>
          )}
          {failed && area && (
            <>
              <p>{t('failed.alternative', vars)}</p>
              <AreaCard t={t} area={area} data={data} compact />
            </>
          )}
          {/* No way is safe: the service's contacts, which the line above points to, come first and take focus. */}
          {!failed && noSafeWay(answers) && area && <AreaCard t={t} area={area} data={data} compact focus />}
          <CheckAnswers t={t} answers={answers} areas={data.areas} vars={vars} variant={variantFor({ perspective: true } as never, answers)}
            canChange={(step) => Boolean(phase?.can({ type: 'answer.change', step }))}
            onChange={(step) => toPhase({ type: 'answer.change', step })} />
          {problem && <p className="error-message" role="alert">{t(problem)}</p>}
          {!failed && (
            <div className="actions">
              <button type="button" className="button" onClick={() => toPhase({ type: 'referral.send' })}>{t('check.sendButton', vars)}</button>
              {back}
            </div>
          )}
        </>
      );
    }
    case 'sending':
      // Focus stays here (not lost to the page) until the result replaces it.
      return <p className="chat-waiting" tabIndex={-1} data-focus>{t('sending.prompt', vars)}</p>;
    case 'sent': {
      const reference = String(parent.context.reference ?? '');
      const unconfirmed = parent.context.delivery === 'unconfirmed';
      const nextVars = { ...vars, reference };
      const next = nextStepKeys(answers, area?.route);
      return (
        <div className="panel panel--success">
          <h3 tabIndex={-1} data-focus>{t(unconfirmed ? 'sent.headingUnconfirmed' : 'sent.heading')}</h3>
          {unconfirmed && <p>{keepWhole(t('sent.unconfirmed', nextVars), reference)}</p>}
          <p>{t('sent.referenceLabel')}: <strong className="reference">{reference}</strong></p>
          <h4>{t('sent.nextHeading')}</h4>
          <ul>{next.map((key) => <li key={key}>{keepWhole(t(key, nextVars), reference)}</li>)}</ul>
          {area && <AreaCard t={t} area={area} data={data} compact heading={t('sent.contactsHeading')} />}
          <p>{t('sent.forget')}</p>
        </div>
      );
    }
    default:
      return <p className="chat-waiting">{t('common.loading')}</p>;
  }
}

/** A sentence with the reference in it, the reference never broken across lines (at its hyphens). */
function keepWhole(text: string, reference: string): React.ReactNode {
  if (!reference || !text.includes(reference)) return text;
  return text.split(reference).flatMap((part, index) => (index === 0 ? [part] : [<span key={index} className="nowrap">{reference}</span>, part]));
}

/** What the answers mean (or a local service): the heading, the area's facts, and what can be done next. */
function Outcome({ t, data, view, parent, send, back, area }: {
  t: Translate;
  data: ChatData;
  view: 'service' | 'outcome';
  parent: AnyMachineSnapshot;
  send: Send;
  back: React.ReactNode;
  area: AreaFacts | undefined;
}) {
  const answers = parent.context.answers as Answers;
  const assessment = assess(answers);
  const meaning = view === 'outcome' ? outcomeLines(answers, area) : [];
  const specialist = helpLinesFor(answers);
  return (
    <>
      {view === 'outcome' && (
        <div className="outcome">
          <h3 className="outcome-heading" tabIndex={-1} data-focus>{t('outcome.heading')}</h3>
          {meaning.map((line) => <p key={line.key}>{t(line.key, line.vars)}</p>)}
        </div>
      )}
      {area ? (
        <AreaCard t={t} area={area} data={data} specialist={specialist} support={assessment.reasons.includes('nobody-found')} />
      ) : (
        <p><a href="/areas/">{t('outcome.areaUnavailable')}</a></p>
      )}
      <div className="actions">
        {view === 'outcome' && parent.can({ type: 'referral.start' }) && (
          <button type="button" className="button" onClick={() => send({ type: 'referral.start' })}>{t('outcome.choices.refer')}</button>
        )}
        {view === 'service' && (
          <>
            <button type="button" className="button" data-focus onClick={() => send({ type: 'menu.choose', choice: 'check' })}>{t('conversation.choices.check')}</button>
            {area && area.route !== 'direct' && (
              <button type="button" className="button button--secondary" onClick={() => send({ type: 'menu.choose', choice: 'refer' })}>{t('conversation.choices.refer')}</button>
            )}
          </>
        )}
        {back}
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'menu.open' })}>{t('common.backToMenu')}</button>
      </div>
    </>
  );
}
