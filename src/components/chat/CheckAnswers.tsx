import type { ChangeableField } from '../../../machines/send.ts';
import type { Answers } from '../../../machines/types.ts';
import type { AreaOption } from './StepPanel.tsx';
import type { Translate } from './words.ts';

type Row = { field: ChangeableField; value: string };

/** Check your answers (the GOV.UK pattern): every answer, each with a Change link that comes back here. */
export function CheckAnswers({ t, answers, areas, provider, canChange, onChange }: {
  t: Translate;
  answers: Answers;
  areas: AreaOption[];
  provider: string;
  canChange: (field: ChangeableField) => boolean;
  onChange: (field: ChangeableField) => void;
}) {
  const option = (step: string, value: string | undefined) => (value ? t(`${step}.options.${value}`) : t('check.notGiven'));
  const text = (value: string | undefined) => value ?? t('check.notGiven');
  const contact: string[] = [];
  if (answers.contactMethods?.includes('phone') && answers.phone) {
    const safe = (answers.phoneSafety ?? []).map((way) => t(`check.phoneWays.${way}`));
    contact.push(`${t('phoneNumber.label')}: ${answers.phone}. ${safe.length ? t('check.safeWays', { ways: safe.join(', ') }) : t('check.notSafe')}${answers.bestTimes ? `. ${t('bestTimes.label')}: ${answers.bestTimes}` : ''}`);
  }
  if (answers.contactMethods?.includes('email') && answers.email) {
    const safe = (answers.emailSafety ?? []).map((way) => t(`check.emailWays.${way}`));
    contact.push(`${t('emailAddress.label')}: ${answers.email}. ${safe.length ? t('check.safeWays', { ways: safe.join(', ') }) : t('check.notSafe')}`);
  }
  const rows: Row[] = [
    { field: 'asker', value: option('asker', answers.asker) },
    { field: 'place', value: areas.find((area) => area.code === answers.area)?.name ?? t('check.notGiven') },
    { field: 'harm', value: option('harm', answers.harm) },
    { field: 'reported', value: option('reported', answers.reported) },
    { field: 'responsibleKnown', value: option('responsibleKnown', answers.responsibleKnown) },
    { field: 'admitted', value: option('admitted', answers.admitted) },
    { field: 'stage', value: option('stage', answers.stage) },
    { field: 'responsibleUnder18', value: option('responsibleUnder18', answers.responsibleUnder18) },
    { field: 'askerUnder18', value: option('askerUnder18', answers.askerUnder18) },
    { field: 'name', value: text(answers.name) },
    { field: 'contactMethods', value: contact.join('\n') || t('check.notGiven') },
    { field: 'language', value: `${text(answers.language)}${answers.interpreter === 'yes' ? `, ${t('check.interpreter')}` : ''}` },
    { field: 'accessNeeds', value: text(answers.accessNeeds) },
    { field: 'ways', value: answers.ways?.length ? answers.ways.map((way) => t(`ways.options.${way}`)).join(', ') : t('check.notGiven') },
    { field: 'crimeReference', value: text(answers.crimeReference) },
    { field: 'message', value: text(answers.message) },
    { field: 'heardFrom', value: option('heardFrom', answers.heardFrom) },
    { field: 'consent', value: answers.consent ? t('check.consentGiven', { provider }) : t('check.notGiven') },
  ];
  return (
    <div className="check-answers">
      <h3 tabIndex={-1} data-focus>{t('check.heading')}</h3>
      <dl className="summary-list">
        {rows.map((row) => (
          <div key={row.field}>
            <dt>{t(`check.labels.${row.field}`)}</dt>
            <dd className="summary-value">{row.value}</dd>
            <dd>
              {canChange(row.field) && (
                <button type="button" className="link-button" aria-label={t(`check.change.${row.field}`)} onClick={() => onChange(row.field)}>
                  {t('check.changeLink')}
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
