import { useState } from 'react';
import type { AnyMachineSnapshot } from 'xstate';
import type { AreaFacts } from '../../../machines/area-facts.ts';
import { topics } from '../../../machines/explain.ts';
import { steps, type Step, type StepId } from '../../../machines/steps.ts';
import type { Answers, Problem } from '../../../machines/types.ts';
import { AreaCard } from './AreaCard.tsx';
import { CheckAnswers } from './CheckAnswers.tsx';
import { CheckboxStep, ChoiceStep, TextStep } from './Questions.tsx';
import { loadReferralPhases } from './services.ts';
import type { Translate } from './words.ts';

export type AreaOption = { code: string; name: string; region: string };
export type HelpLine = { id: string; name: string; number?: string; purpose: string };

/** Data from the site that the chat shows: the areas to choose from, help lines, what happens next. */
export type ChatData = { areas: AreaOption[]; help: HelpLine[]; nextSteps: string[] };

export type Send = (event: { type: string; [key: string]: unknown }, toPhase?: boolean) => void;

type Props = {
  t: Translate;
  data: ChatData;
  step: string | undefined;
  parent: AnyMachineSnapshot;
  phase: AnyMachineSnapshot | undefined;
  promptId: string;
  send: Send;
};

/** The controls for the step the conversation is on. */
export function StepPanel({ t, data, step, parent, phase, promptId, send }: Props) {
  const answers = (phase?.context.answers ?? parent.context.answers) as Answers;
  const area = parent.context.area as AreaFacts | undefined;
  const provider = area?.provider?.name ?? '';
  const toPhase = (event: { type: string; [key: string]: unknown }) => send(event, true);
  const back = phase ? phase.can({ type: 'nav.back' }) : parent.can({ type: 'nav.back' });
  const backButton = back ? (
    <button type="button" className="button button--secondary" onClick={() => send({ type: 'nav.back' }, Boolean(phase))}>
      {t('common.back')}
    </button>
  ) : null;
  const problem = phase?.context.error as Problem | undefined;
  const error = problem ? ('key' in problem ? t(problem.key) : problem.text) : undefined;

  if (step === 'menu') {
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
  }

  if (step === 'explainTopics' || step === 'explainMore') {
    return (
      <>
        <div role="group" aria-labelledby={promptId} className="chat-choices">
          {topics.map((topic) => (
            <button key={topic} type="button" className="button button--choice" onClick={() => toPhase({ type: 'topic.choose', topic })}>
              {t(`explain.topics.${topic}.label`)}
            </button>
          ))}
        </div>
        {step === 'explainMore' && (
          <p><a href="/evidence/">{t('explain.topics.evidence.label')}</a></p>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={() => toPhase({ type: 'explain.check' })}>{t('explain.check')}</button>
          <button type="button" className="button button--secondary" onClick={() => toPhase({ type: 'nav.back' })}>{t('common.backToMenu')}</button>
        </div>
      </>
    );
  }

  if (step === 'place') {
    return (
      <TextStep key={step} id="place" t={t} label={t('place.label')} hint={t('place.hint')} error={error} autocomplete="postal-code"
        submitLabel={t('place.button')} onSubmit={(value) => toPhase({ type: 'answer.submit', value })}
        extra={<button type="button" className="button button--secondary" onClick={() => toPhase({ type: 'place.list' })}>{t('place.chooseFromList')}</button>}
        back={backButton} />
    );
  }

  if (step === 'placeList') {
    return <AreaListStep t={t} areas={data.areas} error={error} current={answers.area} onChoose={(code, name) => toPhase({ type: 'answer.choose', value: code, label: name })} back={backButton} />;
  }

  if (step === 'placeChoice') {
    const options = (phase?.context.placeOptions ?? []) as { code: string; name: string }[];
    return (
      <>
        <div role="group" aria-labelledby={promptId} className="chat-choices">
          {options.map((option) => (
            <button key={option.code} type="button" className="button button--choice"
              onClick={() => toPhase({ type: 'answer.choose', value: option.code, label: option.code === 'scotland' ? t('placeChoice.scotland') : option.name })}>
              {option.code === 'scotland' ? t('placeChoice.scotland') : option.name}
            </button>
          ))}
        </div>
        <div className="actions">{backButton}</div>
      </>
    );
  }

  if (step === 'placeOutside') {
    return (
      <div className="actions">
        <button type="button" className="button" onClick={() => toPhase({ type: 'place.retry' })}>{t('placeOutside.retry')}</button>
        {backButton}
      </div>
    );
  }

  if (step === 'service' || step === 'outcome') {
    return <Outcome t={t} data={data} step={step} parent={parent} send={send} backButton={backButton} area={area} />;
  }

  if (step === 'check' || step === 'failed') {
    const failed = step === 'failed';
    const canRetry = failed && phase?.can({ type: 'referral.retry' });
    return (
      <>
        {failed && (
          <div className="actions">
            {canRetry && <button type="button" className="button" onClick={() => toPhase({ type: 'referral.retry' })}>{t('failed.retryButton')}</button>}
          </div>
        )}
        {failed && area && (
          <>
            <p>{t('failed.alternative', { provider })}</p>
            <AreaCard t={t} area={area} data={data} compact />
          </>
        )}
        <CheckAnswers t={t} answers={answers} areas={data.areas} provider={provider}
          canChange={(field) => Boolean(phase?.can({ type: 'answer.change', field }))}
          onChange={(field) => toPhase({ type: 'answer.change', field })} />
        {error && <p className="error-message" role="alert">{error}</p>}
        {!failed && (
          <div className="actions">
            <button type="button" className="button" onClick={() => toPhase({ type: 'referral.send' })}>{t('check.sendButton', { provider })}</button>
            {backButton}
          </div>
        )}
      </>
    );
  }

  if (step === 'sending') {
    return <p className="chat-waiting">{t('sending.prompt', { provider })}</p>;
  }

  if (step === 'sent') {
    const reference = String(parent.context.reference ?? '');
    return (
      <div className="panel panel--success">
        <h3 tabIndex={-1} data-focus>{t('sent.heading')}</h3>
        <p>{t('sent.referenceLabel')}: <strong className="reference">{reference}</strong></p>
        <h4>{t('sent.nextHeading')}</h4>
        <ul>{data.nextSteps.map((next) => <li key={next}>{next.replaceAll('{provider}', provider).replaceAll('{reference}', reference)}</li>)}</ul>
        {area && <AreaCard t={t} area={area} data={data} compact heading={t('sent.contactsHeading')} />}
        <p>{t('sent.forget')}</p>
      </div>
    );
  }

  const definition = step ? (steps as Record<string, Step>)[step] : undefined;
  if (!step || !definition) {
    return <p className="chat-waiting">{t('common.loading')}</p>;
  }
  const stepId = step as StepId;
  const vars = { provider };

  if (definition.kind === 'choice') {
    return (
      <ChoiceStep key={stepId} t={t} step={stepId} options={definition.options ?? []} promptId={promptId} current={current(stepId, answers) as string | undefined}
        optional={definition.optional} onChoose={(value) => toPhase({ type: 'answer.choose', value })} onSkip={() => toPhase({ type: 'answer.skip' })} back={backButton} />
    );
  }
  if (definition.kind === 'checkboxes' || definition.kind === 'agreement') {
    const options = definition.kind === 'agreement' ? ['yes'] : (definition.options ?? []);
    return (
      <CheckboxStep key={stepId} t={t} step={stepId} options={options} promptId={promptId} current={(current(stepId, answers) as string[] | undefined) ?? []} error={error} vars={vars}
        label={definition.kind === 'agreement' ? t('consent.label', vars) : undefined}
        onSubmit={(value) => toPhase({ type: 'answer.submit', value })} back={backButton} />
    );
  }
  return (
    <TextStep key={stepId} id={stepId} t={t} label={t(`${stepId}.label`)} hint={t(`${stepId}.hint`)} error={error} long={definition.long}
      autocomplete={definition.autocomplete} initial={(current(stepId, answers) as string | undefined) ?? ''} optional={definition.optional}
      submitLabel={t('common.continue')} onSubmit={(value) => toPhase({ type: 'answer.submit', value })} onSkip={() => toPhase({ type: 'answer.skip' })} back={backButton} />
  );
}

/** The answer a step recorded before (going back, or changing it from check your answers). */
function current(step: StepId, answers: Answers): string | string[] | undefined {
  const field = (steps[step] as Step).field;
  const value = field ? answers[field] : undefined;
  return typeof value === 'boolean' ? (value ? ['yes'] : []) : value;
}

function AreaListStep({ t, areas, error, current, onChoose, back }: { t: Translate; areas: AreaOption[]; error?: string; current?: string; onChoose: (code: string, name: string) => void; back: React.ReactNode }) {
  const regions = [...new Set(areas.map((area) => area.region))];
  return (
    <form className="chat-form" onSubmit={(event) => {
      event.preventDefault();
      const select = event.currentTarget.elements.namedItem('area') as HTMLSelectElement;
      const chosen = areas.find((area) => area.code === select.value);
      if (chosen) onChoose(chosen.code, chosen.name);
    }}>
      {error && <p className="error-message" id="area-error"><span className="visually-hidden">{t('common.errorPrefix')} </span>{error}</p>}
      <label htmlFor="area">{t('placeList.label')}</label>
      <select id="area" name="area" defaultValue={current ?? areas[0]?.code} aria-describedby={error ? 'area-error' : undefined}>
        {regions.map((region) => (
          <optgroup key={region} label={region}>
            {areas.filter((area) => area.region === region).map((area) => <option key={area.code} value={area.code}>{area.name}</option>)}
          </optgroup>
        ))}
      </select>
      <div className="actions">
        <button type="submit" className="button">{t('placeList.button')}</button>
        {back}
      </div>
    </form>
  );
}

/** An outcome (or a local service): the area's facts, and what can be done next. */
function Outcome({ t, data, step, parent, send, backButton, area }: {
  t: Translate;
  data: ChatData;
  step: 'service' | 'outcome';
  parent: AnyMachineSnapshot;
  send: Send;
  backButton: React.ReactNode;
  area: AreaFacts | undefined;
}) {
  const [loadFailed, setLoadFailed] = useState(false);
  const notes = (parent.context.assessment?.notes ?? []) as string[];
  // The referral questions load when asked for (they were fetched in the background already if possible).
  const startReferral = () =>
    loadReferralPhases().then(
      () => send({ type: 'referral.start' }),
      () => setLoadFailed(true),
    );
  return (
    <>
      {area ? <AreaCard t={t} area={area} data={data} sensitive={notes.includes('sensitive')} /> : <p><a href="/areas/">{t('outcome.areaUnavailable')}</a></p>}
      {loadFailed && <p className="error-message" role="alert">{t('outcome.loadError')}</p>}
      <div className="actions">
        {step === 'outcome' && parent.can({ type: 'referral.start' }) && (
          <button type="button" className="button" data-focus onClick={startReferral}>{t('outcome.choices.refer')}</button>
        )}
        {step === 'service' && (
          <>
            <button type="button" className="button" data-focus onClick={() => send({ type: 'menu.choose', choice: 'check' })}>{t('conversation.choices.check')}</button>
            {area?.acceptsReferrals && (
              <button type="button" className="button button--secondary" onClick={() => send({ type: 'menu.choose', choice: 'refer' })}>{t('conversation.choices.refer')}</button>
            )}
          </>
        )}
        {backButton}
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'menu.open' })}>{t('common.backToMenu')}</button>
      </div>
    </>
  );
}
