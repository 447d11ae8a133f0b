import { steps } from '../../machines/steps.ts';
import { escapeHtml as escape } from './html.ts';
import { lookup, type Words } from './words.ts';

/**
 * The referral as one plain HTML form, for people without JavaScript: the same questions and words
 * as the conversation, posting to the same function. The chat page renders it empty; the function
 * renders it again with the person's answers and an error beside each field that needs a change, so
 * nothing they typed is lost.
 */
export type FormValues = Record<string, string | string[]>;
export type FormIssue = { field: string; message: string };
export type FormArea = { code: string; name: string; region: string };

type Options = { words: Words; areas: readonly FormArea[]; values?: FormValues; issues?: readonly FormIssue[]; token?: string };

export function renderReferralForm({ words, areas, values = {}, issues = [], token }: Options): string {
  const w = (key: string) => escape(lookup(words, key) ?? `[${key}]`);
  const value = (field: string) => {
    const current = values[field];
    return typeof current === 'string' ? current : '';
  };
  const chosen = (field: string) => {
    const current = values[field];
    return Array.isArray(current) ? current : typeof current === 'string' ? [current] : [];
  };
  const issueFor = (field: string) => issues.find((issue) => issue.field === field);
  const errorHtml = (field: string) => {
    const issue = issueFor(field);
    return issue ? `<p class="error-message" id="f-${field}-error"><span class="visually-hidden">${w('common.errorPrefix')} </span>${escape(issue.message)}</p>` : '';
  };
  const groupClass = (field: string) => (issueFor(field) ? 'form-group form-group--error' : 'form-group');
  const described = (field: string, hint: boolean): string =>
    [hint ? `f-${field}-hint` : '', issueFor(field) ? `f-${field}-error` : ''].filter(Boolean).join(' ');

  const radios = (field: keyof typeof steps, options: readonly string[], legendKey = `${field}.prompt`) => `
    <div class="${groupClass(field)}" id="f-field-${field}">
      <fieldset${issueFor(field) ? ` aria-describedby="f-${field}-error"` : ''}>
        <legend>${w(legendKey)}</legend>
        ${errorHtml(field)}
        ${options
          .map((option) => {
            const id = `f-${field}-${option}`;
            const checked = chosen(field).includes(option) ? ' checked' : '';
            return `<div class="radio"><input type="radio" id="${id}" name="${field}" value="${escape(option)}"${checked}><label for="${id}">${w(`${field}.options.${option}`)}</label></div>`;
          })
          .join('')}
      </fieldset>
    </div>`;

  const checkboxes = (field: string, optionsStep: keyof typeof steps, options: readonly string[], legend: string, optional = false) => `
    <div class="${groupClass(field)}" id="f-field-${field}">
      <fieldset${issueFor(field) ? ` aria-describedby="f-${field}-error"` : ''}>
        <legend>${legend}${optional ? ` ${w('common.optional')}` : ''}</legend>
        ${errorHtml(field)}
        <div class="checkboxes">
        ${options
          .map((option) => {
            const id = `f-${field}-${option}`;
            const checked = chosen(field).includes(option) ? ' checked' : '';
            return `<div class="checkbox"><input type="checkbox" id="${id}" name="${field}" value="${escape(option)}"${checked}><label for="${id}">${w(`${optionsStep}.options.${option}`)}</label></div>`;
          })
          .join('')}
        </div>
      </fieldset>
    </div>`;

  const text = (field: string, labelKey: string, hintKey: string | undefined, options: { optional?: boolean; long?: boolean; autocomplete?: string; initial?: string } = {}) => {
    const hint = hintKey ? `<span class="hint" id="f-${field}-hint">${w(hintKey)}</span>` : '';
    const current = escape(value(field) || options.initial || '');
    const attributes = `id="f-${field}" name="${field}" aria-describedby="${described(field, Boolean(hintKey))}"${issueFor(field) ? ' aria-invalid="true" class="input--error"' : ''} autocomplete="${options.autocomplete ?? 'off'}" spellcheck="false"`;
    const control = options.long ? `<textarea ${attributes} rows="5">${current}</textarea>` : `<input type="text" ${attributes} value="${current}">`;
    return `
    <div class="${groupClass(field)}" id="f-field-${field}">
      <label for="f-${field}">${w(labelKey)}${options.optional ? ` ${w('common.optional')}` : ''}</label>
      ${hint}${errorHtml(field)}${control}
    </div>`;
  };

  const regions = [...new Set(areas.map((area) => area.region))];
  const areaSelect = `
    <div class="${groupClass('area')}" id="f-field-area">
      <label for="f-area">${w('form.areaLabel')}</label>
      <span class="hint" id="f-area-hint">${w('form.areaHint')} <a href="/find-your-area/">/find-your-area/</a></span>
      ${errorHtml('area')}
      <select id="f-area" name="area" aria-describedby="${described('area', true)}">
        <option value="">${w('form.areaChoose')}</option>
        ${regions
          .map(
            (region) =>
              `<optgroup label="${escape(region)}">${areas
                .filter((area) => area.region === region)
                .map((area) => `<option value="${area.code}"${value('area') === area.code ? ' selected' : ''}>${escape(area.name)}</option>`)
                .join('')}</optgroup>`,
          )
          .join('')}
      </select>
    </div>`;

  const summary = issues.length
    ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
        <h2 id="error-summary-title">${w('form.errorSummary')}</h2>
        <ul>${issues.map((issue) => `<li><a href="#f-field-${issue.field}">${escape(issue.message)}</a></li>`).join('')}</ul>
      </div>`
    : '';

  return `
  <form class="referral-form" method="post" action="/api/referral" novalidate>
    ${summary}
    <p>${w('form.intro')}</p>
    <h2>${w('form.sections.about')}</h2>
    ${radios('asker', steps.asker.options)}
    ${areaSelect}
    ${radios('harm', steps.harm.options)}
    ${radios('reported', steps.reported.options)}
    ${radios('responsibleKnown', steps.responsibleKnown.options)}
    ${radios('admitted', steps.admitted.options)}
    ${radios('stage', ['not-reported', ...steps.stage.options])}
    ${radios('responsibleUnder18', steps.responsibleUnder18.options)}
    ${radios('askerUnder18', steps.askerUnder18.options)}
    <h2>${w('form.sections.contact')}</h2>
    ${text('name', 'name.label', 'name.hint', { autocomplete: 'given-name' })}
    ${text('phone', 'phoneNumber.label', 'form.phoneHint', { optional: true, autocomplete: 'tel' })}
    ${checkboxes('phoneSafe', 'phoneSafety', steps.phoneSafety.options, w('form.phoneSafeLegend'))}
    ${text('bestTimes', 'bestTimes.label', 'bestTimes.hint', { optional: true })}
    ${text('email', 'emailAddress.label', 'form.emailHint', { optional: true, autocomplete: 'email' })}
    ${checkboxes('emailSafe', 'emailSafety', steps.emailSafety.options, w('form.emailSafeLegend'))}
    <h2>${w('form.sections.more')}</h2>
    ${text('language', 'language.label', 'language.hint', { initial: 'English' })}
    <div class="form-group"><div class="checkbox"><input type="checkbox" id="f-interpreter" name="interpreter" value="yes"${chosen('interpreter').includes('yes') ? ' checked' : ''}><label for="f-interpreter">${w('form.interpreterLabel')}</label></div></div>
    ${text('accessNeeds', 'accessNeeds.label', 'accessNeeds.hint', { optional: true, long: true })}
    ${checkboxes('ways', 'ways', steps.ways.options, w('ways.prompt'))}
    ${text('crimeReference', 'crimeReference.label', 'crimeReference.hint', { optional: true })}
    ${text('message', 'message.label', 'message.hint', { optional: true, long: true })}
    <div class="${groupClass('heardFrom')}" id="f-field-heardFrom">
      <label for="f-heardFrom">${w('heardFrom.prompt')}</label>
      ${errorHtml('heardFrom')}
      <select id="f-heardFrom" name="heardFrom"><option value="">${w('form.heardFromChoose')}</option>${steps.heardFrom.options
        .map((option) => `<option value="${option}"${value('heardFrom') === option ? ' selected' : ''}>${w(`heardFrom.options.${option}`)}</option>`)
        .join('')}</select>
    </div>
    <h2>${w('form.sections.send')}</h2>
    <div class="${groupClass('consent')}" id="f-field-consent">
      ${errorHtml('consent')}
      <div class="checkbox"><input type="checkbox" id="f-consent" name="consent" value="yes"${chosen('consent').includes('yes') ? ' checked' : ''}${issueFor('consent') ? ' aria-describedby="f-consent-error"' : ''}><label for="f-consent">${w('form.consentLabel')}</label></div>
    </div>
    <div class="trap" aria-hidden="true"><label for="f-website">${w('form.websiteLabel')}</label><input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off" value=""></div>
    ${token ? `<input type="hidden" name="token" value="${escape(token)}">` : ''}
    <button type="submit" class="button">${w(token ? 'form.submit' : 'form.check')}</button>
  </form>`;
}
