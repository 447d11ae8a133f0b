import { useState, type ReactNode } from 'react';
import type { AnyMachineSnapshot } from 'xstate';
import type { Problem } from '../../../machines/types.ts';
import type { Words } from '../../lib/words.ts';
import type { AreaOption, Send } from './StepPanel.tsx';
import { problemText, type Translate } from './words.ts';

/**
 * Where: a postcode, its first part or a council's name, looked up on the device; or an area chosen
 * from a list; a choice when a district is split; what to do when the place is outside England and
 * Wales; or, when the page address named an area, a yes or no to it. What was typed stays in the box
 * when it cannot be found, and the problem is said beside it (and announced).
 */
export function PlaceStep({ t, words, phase, areas, promptId, send, back }: { t: Translate; words: Words; phase: AnyMachineSnapshot; areas: AreaOption[]; promptId: string; send: Send; back: ReactNode }) {
  const problem = (phase.context.problems as Problem[])[0];
  const error = problem ? problemText(words, t, problem) : undefined;
  const toPhase = (event: { type: string; [key: string]: unknown }) => send(event, true);
  if (phase.matches({ asking: 'confirmingPreset' })) {
    return (
      <div role="group" aria-labelledby={promptId} className="chat-choices">
        <button type="button" className="button button--choice" onClick={() => toPhase({ type: 'place.confirm', confirmed: true })}>{t('common.yes')}</button>
        <button type="button" className="button button--choice" onClick={() => toPhase({ type: 'place.confirm', confirmed: false })}>{t('common.noSomewhereElse')}</button>
      </div>
    );
  }
  if (phase.matches({ asking: 'listing' })) {
    return <AreaList t={t} areas={areas} error={error} onChoose={(code, name) => toPhase({ type: 'place.choose', code, name })} back={back} />;
  }
  if (phase.matches({ asking: 'choosingPlace' })) {
    const options = phase.context.placeOptions as { code: string; name: string }[];
    return (
      <>
        <div role="group" aria-labelledby={promptId} className="chat-choices">
          {options.map((option) => {
            const name = option.code === 'scotland' ? t('questions.area.scotland') : option.name;
            return <button key={option.code} type="button" className="button button--choice" onClick={() => toPhase({ type: 'place.choose', code: option.code, name })}>{name}</button>;
          })}
        </div>
        <div className="actions">{back}</div>
      </>
    );
  }
  if (phase.matches({ asking: 'outside' })) {
    return (
      <div className="actions">
        <button type="button" className="button" onClick={() => toPhase({ type: 'place.retry' })}>{t('questions.area.retry')}</button>
        {back}
      </div>
    );
  }
  // While the place is looked up on the device (a moment), the question stays as it was: no flash of
  // "working", and what was typed stays in the box.
  const optional = Boolean(phase.context.step === 'happenedArea');
  return (
    <PlaceForm t={t} fieldId={String(phase.context.step)} draft={String(phase.context.draft ?? '')} error={error} optional={optional}
      onFind={(text) => toPhase({ type: 'place.find', text })}
      onSkip={() => toPhase({ type: 'answer.submit', values: {} })}
      onList={() => toPhase({ type: 'place.list' })} back={back} />
  );
}

function PlaceForm({ t, fieldId, draft, error, optional, onFind, onSkip, onList, back }: {
  t: Translate; fieldId: string; draft: string; error?: string; optional: boolean;
  onFind: (text: string) => void; onSkip: () => void; onList: () => void; back: ReactNode;
}) {
  const [value, setValue] = useState(draft);
  const id = `answer-${fieldId}`;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className="chat-form" noValidate onSubmit={(event) => {
      event.preventDefault();
      if (optional && value.trim() === '') onSkip();
      else onFind(value);
    }}>
      <div className={error ? 'form-group form-group--error' : 'form-group'}>
        <label htmlFor={id}>{t(`questions.${fieldId}.label`)}{optional ? ` ${t('common.optional')}` : ''}</label>
        <span className="hint" id={`${id}-hint`}>{t(`questions.${fieldId}.hint`)}</span>
        {error && <p className="error-message" id={`${id}-error`}><span className="visually-hidden">{t('common.errorPrefix')} </span>{error}</p>}
        <input id={id} name={fieldId} type="text" value={value} autoComplete={fieldId === 'area' ? 'postal-code' : 'off'} spellCheck={false}
          aria-describedby={describedBy} aria-invalid={error ? true : undefined} className={error ? 'input--error' : undefined}
          onChange={(event) => setValue(event.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="button">{optional && value.trim() === '' ? t('common.continue') : t('questions.area.button')}</button>
        <button type="button" className="button button--secondary" onClick={onList}>{t('questions.area.chooseFromList')}</button>
        {back}
      </div>
    </form>
  );
}

function AreaList({ t, areas, error, onChoose, back }: { t: Translate; areas: AreaOption[]; error?: string; onChoose: (code: string, name: string) => void; back: ReactNode }) {
  const regions = [...new Set(areas.map((area) => area.region))];
  return (
    <form className="chat-form" onSubmit={(event) => {
      event.preventDefault();
      const select = event.currentTarget.elements.namedItem('area') as HTMLSelectElement;
      const chosen = areas.find((area) => area.code === select.value);
      if (chosen) onChoose(chosen.code, chosen.name);
    }}>
      {error && <p className="error-message" id="area-error"><span className="visually-hidden">{t('common.errorPrefix')} </span>{error}</p>}
      <label htmlFor="area">{t('questions.area.listLabel')}</label>
      <select id="area" name="area" defaultValue={areas[0]?.code} aria-describedby={error ? 'area-error' : undefined}>
        {regions.map((region) => (
          <optgroup key={region} label={region}>
            {areas.filter((area) => area.region === region).map((area) => <option key={area.code} value={area.code}>{area.name}</option>)}
          </optgroup>
        ))}
      </select>
      <div className="actions">
        <button type="submit" className="button">{t('questions.area.listButton')}</button>
        {back}
      </div>
    </form>
  );
}
