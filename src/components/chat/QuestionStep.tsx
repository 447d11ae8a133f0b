import { useState, type ReactNode } from 'react';
import { fieldsAsked, optionsFor, type Field } from '../../../referral/catalogue.ts';
import type { Answers, Problem } from '../../../machines/types.ts';
import { problemText, type Translate } from './words.ts';
import type { Words } from '../../lib/words.ts';

type Props = {
  t: Translate;
  words: Words;
  step: string;
  answers: Answers;
  problems: Problem[];
  promptId: string;
  variant?: string;
  vars: Record<string, string>;
  onSubmit: (values: Answers) => void;
  /** Other actions for this step (Back, "That is not where I live"). */
  actions: ReactNode;
};

/**
 * One step of the catalogue, whatever its kind: a single choice is a button per option (a tap answers);
 * ticks, text boxes and agreements are a small form with Continue. Labels, hints and errors come from
 * the question's words; every error is linked to its field.
 */
export function QuestionStep({ t, words, step, answers, problems, promptId, variant, vars, onSubmit, actions }: Props) {
  const fields = fieldsAsked(step, answers);
  const only = fields.length === 1 ? fields[0] : undefined;
  if (only && only.kind === 'choice') {
    const current = answers[only.id];
    return (
      <>
        <div role="group" aria-labelledby={promptId} className="chat-choices">
          {optionsFor(only, answers).map((option) => (
            <button key={option} type="button" className="button button--choice" aria-pressed={current === option ? true : undefined} onClick={() => onSubmit({ [only.id]: option })}>
              {t(`questions.${only.id}.options.${option}`, vars, variant)}
            </button>
          ))}
        </div>
        <div className="actions">
          {only.optional && <button type="button" className="button button--secondary" onClick={() => onSubmit({})}>{t('common.skip')}</button>}
          {actions}
        </div>
      </>
    );
  }
  return <FieldsForm t={t} words={words} fields={fields} answers={answers} problems={problems} promptId={promptId} variant={variant} vars={vars} onSubmit={onSubmit} actions={actions} />;
}

function FieldsForm({ t, words, fields, answers, problems, promptId, variant, vars, onSubmit, actions }: Omit<Props, 'step'> & { fields: Field[] }) {
  const [values, setValues] = useState<Answers>(() => Object.fromEntries(fields.map((entry) => [entry.id, answers[entry.id]])));
  const set = (id: string, value: Answers[string]) => setValues((current) => ({ ...current, [id]: value }));
  const problemFor = (id: string) => problems.find((problem) => problem.field === id);
  return (
    <form className="chat-form" noValidate onSubmit={(event) => {
      event.preventDefault();
      onSubmit(values);
    }}>
      {fields.map((entry) => {
        const problem = problemFor(entry.id);
        const error = problem ? problemText(words, t, problem, vars) : undefined;
        const errorId = `answer-${entry.id}-error`;
        const errorLine = error && <p className="error-message" id={errorId}><span className="visually-hidden">{t('common.errorPrefix')} </span>{error}</p>;
        const groupClass = error ? 'form-group form-group--error' : 'form-group';
        if (entry.kind === 'multi') {
          const ticked = (values[entry.id] as string[] | undefined) ?? [];
          const exclusive = entry.exclusive ?? [];
          const toggle = (option: string, on: boolean) => {
            if (!on) return set(entry.id, ticked.filter((item) => item !== option));
            // "None" (or "rather not say") stands alone: ticking it clears the others, and the other way round.
            set(entry.id, exclusive.includes(option) ? [option] : [...ticked.filter((item) => !exclusive.includes(item)), option]);
          };
          return (
            <fieldset key={entry.id} className={groupClass} aria-labelledby={fields.length === 1 ? promptId : undefined} aria-describedby={error ? errorId : undefined}>
              {fields.length > 1 && <legend>{t(`questions.${entry.id}.prompt`, vars, variant)}</legend>}
              {errorLine}
              <div className="checkboxes">
                {optionsFor(entry, answers).map((option) => {
                  const id = `answer-${entry.id}-${option}`;
                  return (
                    <div className="checkbox" key={option}>
                      <input id={id} type="checkbox" name={entry.id} value={option} checked={ticked.includes(option)} onChange={(event) => toggle(option, event.target.checked)} />
                      <label htmlFor={id}>{t(`questions.${entry.id}.options.${option}`, vars, variant)}</label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          );
        }
        if (entry.kind === 'agreement') {
          const id = `answer-${entry.id}`;
          return (
            <div key={entry.id} className={groupClass}>
              {errorLine}
              <div className="checkbox">
                <input id={id} type="checkbox" name={entry.id} checked={values[entry.id] === true} aria-describedby={error ? errorId : undefined} onChange={(event) => set(entry.id, event.target.checked)} />
                <label htmlFor={id}>{t(`questions.${entry.id}.label`, vars, variant)}</label>
              </div>
            </div>
          );
        }
        if (entry.kind === 'text') {
          const id = `answer-${entry.id}`;
          const hint = t(`questions.${entry.id}.hint`, vars, variant);
          const hasHint = !hint.startsWith('[');
          const describedBy = [hasHint ? `${id}-hint` : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
          const label = t(`questions.${entry.id}.label`, vars, variant);
          const common = {
            id,
            name: entry.id,
            value: (values[entry.id] as string | undefined) ?? '',
            'aria-describedby': describedBy,
            'aria-invalid': error ? true : undefined,
            className: error ? 'input--error' : undefined,
            autoComplete: entry.text.autocomplete ?? 'off',
            inputMode: entry.text.inputmode,
            spellCheck: false,
            onChange: (event: { target: { value: string } }) => set(entry.id, event.target.value),
          };
          return (
            <div key={entry.id} className={groupClass}>
              <label htmlFor={id}>{label}{entry.optional && !/optional/i.test(label) ? ` ${t('common.optional')}` : ''}</label>
              {hasHint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
              {errorLine}
              {entry.text.multiline ? <textarea {...common} rows={5} /> : <input {...common} type={entry.text.format === 'email' ? 'email' : entry.text.format === 'phone' ? 'tel' : 'text'} />}
            </div>
          );
        }
        return null;
      })}
      <div className="actions">
        <button type="submit" className="button">{t('common.continue')}</button>
        {actions}
      </div>
    </form>
  );
}
