import { useState, type ReactNode } from 'react';
import type { StepId } from '../../../machines/steps.ts';
import type { Translate } from './words.ts';

/** One button per option, grouped under the question (the last thing the bot said). */
export function ChoiceStep(props: {
  t: Translate;
  step: StepId;
  options: readonly string[];
  promptId: string;
  current?: string;
  optional?: boolean;
  onChoose: (value: string) => void;
  onSkip: () => void;
  back: ReactNode;
}) {
  const { t, step, options, promptId, current, optional, onChoose, onSkip, back } = props;
  return (
    <>
      <div role="group" aria-labelledby={promptId} className="chat-choices">
        {options.map((option) => (
          <button key={option} type="button" className="button button--choice" aria-pressed={current === option ? true : undefined} onClick={() => onChoose(option)}>
            {t(`${step}.options.${option}`)}
          </button>
        ))}
      </div>
      <div className="actions">
        {optional && <button type="button" className="button button--secondary" onClick={onSkip}>{t('common.skip')}</button>}
        {back}
      </div>
    </>
  );
}

/** Checkboxes under the question; Continue sends the ticked options (an agreement is one box). */
export function CheckboxStep(props: {
  t: Translate;
  step: StepId;
  options: readonly string[];
  promptId: string;
  current: string[];
  error?: string;
  label?: string;
  vars: Record<string, string>;
  onSubmit: (value: string[]) => void;
  back: ReactNode;
}) {
  const { t, step, options, promptId, current, error, label, vars, onSubmit, back } = props;
  const [ticked, setTicked] = useState<string[]>(current);
  const errorId = `${step}-error`;
  return (
    <form className="chat-form" noValidate onSubmit={(event) => {
      event.preventDefault();
      onSubmit(options.filter((option) => ticked.includes(option)));
    }}>
      <fieldset className={error ? 'form-group form-group--error' : 'form-group'} aria-labelledby={promptId} aria-describedby={error ? errorId : undefined}>
        {error && <p className="error-message" id={errorId}><span className="visually-hidden">{t('common.errorPrefix')} </span>{error}</p>}
        <div className="checkboxes">
          {options.map((option) => {
            const id = `${step}-${option}`;
            return (
              <div className="checkbox" key={option}>
                <input id={id} type="checkbox" name={step} value={option} checked={ticked.includes(option)}
                  onChange={(event) => setTicked(event.target.checked ? [...ticked, option] : ticked.filter((item) => item !== option))} />
                <label htmlFor={id}>{label ?? t(`${step}.options.${option}`, vars)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button">{t('common.continue')}</button>
        {back}
      </div>
    </form>
  );
}

/** One labelled text box (or text area) with its hint and any error linked to it. */
export function TextStep(props: {
  id: string;
  t: Translate;
  label: string;
  hint: string;
  error?: string;
  long?: boolean;
  autocomplete?: string;
  initial?: string;
  optional?: boolean;
  submitLabel: string;
  onSubmit: (value: string) => void;
  onSkip?: () => void;
  extra?: ReactNode;
  back: ReactNode;
}) {
  const { id, t, label, hint, error, long, autocomplete, initial = '', optional, submitLabel, onSubmit, onSkip, extra, back } = props;
  const [value, setValue] = useState(initial);
  const inputId = `answer-${id}`;
  const describedBy = [`${inputId}-hint`, error ? `${inputId}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id: inputId,
    name: id,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    className: error ? 'input--error' : undefined,
    autoComplete: autocomplete ?? 'off',
    spellCheck: false,
    onChange: (event: { target: { value: string } }) => setValue(event.target.value),
  };
  return (
    <form className="chat-form" noValidate onSubmit={(event) => {
      event.preventDefault();
      onSubmit(value);
    }}>
      <div className={error ? 'form-group form-group--error' : 'form-group'}>
        <label htmlFor={inputId}>{label}{optional ? ` ${t('common.optional')}` : ''}</label>
        <span className="hint" id={`${inputId}-hint`}>{hint}</span>
        {error && <span className="error-message" id={`${inputId}-error`}><span className="visually-hidden">{t('common.errorPrefix')} </span>{error}</span>}
        {long ? <textarea {...common} rows={5} /> : <input {...common} type="text" />}
      </div>
      <div className="actions">
        <button type="submit" className="button">{submitLabel}</button>
        {extra}
        {optional && onSkip && <button type="button" className="button button--secondary" onClick={onSkip}>{t('common.skip')}</button>}
        {back}
      </div>
    </form>
  );
}
