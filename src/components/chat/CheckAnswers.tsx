import { shownAsNotGiven } from '../../../referral/answer-rules.ts';
import { shownBySection, stepOf, type Field } from '../../../referral/catalogue.ts';
import type { Answers } from '../../../machines/types.ts';
import type { AreaOption } from './StepPanel.tsx';
import type { Translate } from './words.ts';

/**
 * Check your answers (the GOV.UK pattern): every answer the catalogue shows, by section and in order,
 * each with a Change link that asks that step again and comes back here.
 */
export function CheckAnswers({ t, answers, areas, vars, variant, canChange, onChange }: {
  t: Translate;
  answers: Answers;
  areas: AreaOption[];
  vars: Record<string, string>;
  variant?: string;
  canChange: (step: string) => boolean;
  onChange: (step: string) => void;
}) {
  const shown = (entry: Field): string => {
    const value = answers[entry.id];
    if (shownAsNotGiven(value)) return t('questions.common.notGiven');
    switch (entry.kind) {
      case 'choice':
        return t(`questions.${entry.id}.options.${String(value)}`, vars, variant);
      case 'multi':
        return (value as string[]).map((item) => t(`questions.${entry.id}.options.${item}`, vars, variant)).join(', ');
      case 'place':
        return areas.find((area) => area.code === value)?.name ?? String(value);
      case 'agreement':
        return value === true ? t('questions.common.yes') : t('questions.common.no');
      case 'text':
        return String(value);
    }
  };
  return (
    <div className="check-answers">
      <h3 tabIndex={-1} data-focus>{t('check.heading')}</h3>
      {shownBySection(answers).map(({ section, fields }) => (
        <section key={section} aria-labelledby={`check-${section}`}>
          <h4 id={`check-${section}`}>{t(`check.sections.${section}`)}</h4>
          <dl className="summary-list">
            {fields.map((entry) => (
              <div key={entry.id}>
                <dt>{t(`questions.${entry.id}.summary`, vars, variant)}</dt>
                <dd className="summary-value">{shown(entry)}</dd>
                <dd>
                  {!entry.notAsked && canChange(stepOf(entry)) && (
                    // Read as "Change who is asking" (the words already start with "Change"), shown as "Change".
                    <button type="button" className="link-button" onClick={() => onChange(stepOf(entry))}>
                      <span aria-hidden="true">{t('check.changeLink')}</span><span className="visually-hidden">{t(`questions.${entry.id}.change`, vars, variant)}</span>
                    </button>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
