import { shownAsNotGiven } from '../../referral/answer-rules.ts';
import { fieldsAsked, optionsFor, shownBySection, stepById, type Field } from '../../referral/catalogue.ts';
import type { Answers } from '../../referral/conditions.ts';
import { perspective } from '../../referral/rules.ts';
import { escapeHtml as escape } from './html.ts';
import { issueText } from './issue-words.ts';
import { fillLoose, lookup, lookupVariant, type Words } from './words.ts';

/**
 * The referral as plain HTML pages, for people without JavaScript: the same catalogue, questions and
 * words as the conversation, a few questions a page, posting to the same function. The chat page
 * renders the first page; the function renders the rest, with every earlier answer carried along in
 * hidden fields, so nothing typed is lost and nothing is stored on the server.
 *
 * Names starting with `_` are the form's own: `_page` (the steps on this page), `_seen` (the steps
 * already shown), `_return` (back to check your answers after a change) and `_action`.
 */
export type FormArea = { code: string; name: string; region: string };
import type { FormIssue } from '../../referral/form-pages.ts';

export type { FormIssue };

export type FormPage = {
  words: Words;
  areas: readonly FormArea[];
  answers: Answers;
  /** Steps shown on earlier pages. */
  seen: readonly string[];
  /** Steps asked on this page (empty for the outcome and check pages). */
  steps: readonly string[];
  issues?: readonly FormIssue[];
  /** Paragraphs before the questions (what the answers mean, who receives it). */
  notes?: readonly string[];
  /** Words for {area}, {provider}, {recipient}. */
  vars?: Record<string, string>;
  returnTo?: 'check';
  /** The check page: a summary with Change buttons, and the send button with its token. */
  check?: { token: string };
  /** Whether there is a Continue button (not on an outcome that ends here). */
  canContinue?: boolean;
};

export function renderFormPage(page: FormPage): string {
  const { words, answers, steps, issues = [], vars = {} } = page;
  const variant = perspective(answers) === 'responsible' ? 'responsible' : undefined;
  const w = (key: string, extra: Record<string, string> = {}) => {
    const text = lookupVariant(words, key, variant);
    return escape(text === undefined ? `[${key}]` : fillLoose(text, { ...vars, ...extra }));
  };
  const onPage = new Set(steps.flatMap((step) => fieldsAsked(step, answers).map((entry) => entry.id)));
  const issueFor = (id: string) => issues.find((issue) => issue.field === id);
  const summary = issues.length
    ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
        <h2 id="error-summary-title">${w('form.errorSummary')}</h2>
        <ul>${issues.map((issue) => `<li><a href="#f-${issue.field}">${escape(issueText(words, issue.field, issue.code, vars))}</a></li>`).join('')}</ul>
      </div>`
    : '';
  const carried = hiddenAnswers(answers, onPage);
  const fields = steps.flatMap((step) => fieldsAsked(step, answers).map((entry) => fieldHtml(entry, page, w, issueFor(entry.id))));
  const checkSummary = page.check ? summaryHtml(page, w) : '';
  const button = page.check
    ? `<button type="submit" class="button" name="_action" value="send">${w('form.send', { recipient: vars.recipient ?? '' })}</button>`
    : page.canContinue === false
      ? ''
      : `<button type="submit" class="button" name="_action" value="continue">${w('form.continue')}</button>`;
  return `
  <form class="referral-form" method="post" action="/api/referral" novalidate>
    ${summary}
    ${(page.notes ?? []).map((note) => `<p>${escape(note)}</p>`).join('')}
    ${fields.join('')}
    ${checkSummary}
    ${carried}
    <input type="hidden" name="_page" value="${escape(steps.join(','))}">
    <input type="hidden" name="_seen" value="${escape(page.seen.join(','))}">
    ${page.returnTo ? `<input type="hidden" name="_return" value="check">` : ''}
    ${page.check ? `<input type="hidden" name="token" value="${escape(page.check.token)}">` : ''}
    <div class="trap" aria-hidden="true"><label for="f-website">${w('form.websiteLabel')}</label><input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off" value=""></div>
    ${button}
  </form>`;
}

/** Every answer not asked on this page, carried in hidden fields. */
function hiddenAnswers(answers: Answers, onPage: ReadonlySet<string>): string {
  const out: string[] = [];
  for (const [id, value] of Object.entries(answers)) {
    if (onPage.has(id) || value === undefined) continue;
    for (const item of [value].flat()) out.push(`<input type="hidden" name="${escape(id)}" value="${escape(item === true ? 'yes' : String(item))}">`);
  }
  return out.join('');
}

type W = (key: string, extra?: Record<string, string>) => string;

function fieldHtml(entry: Field, page: FormPage, w: W, issue: FormIssue | undefined): string {
  const { answers, words } = page;
  const value = answers[entry.id];
  const id = `f-${entry.id}`;
  const errorId = `${id}-error`;
  const error = issue ? `<p class="error-message" id="${errorId}"><span class="visually-hidden">${w('common.errorPrefix')} </span>${escape(issueText(words, entry.id, issue.code, page.vars))}</p>` : '';
  const groupClass = issue ? 'form-group form-group--error' : 'form-group';
  const optional = entry.optional ? ` ${w('form.optional')}` : '';
  const has = (key: string) => lookup(words, key) !== undefined;
  const prompt = has(`questions.${entry.id}.prompt`) ? w(`questions.${entry.id}.prompt`) : w(`questions.${entry.id}.label`);
  switch (entry.kind) {
    case 'choice':
    case 'multi': {
      const type = entry.kind === 'choice' ? 'radio' : 'checkbox';
      const chosen = [value].flat().map(String);
      const options = optionsFor(entry, answers)
        .map((option) => {
          const optionId = `${id}-${option}`;
          return `<div class="${type}"><input type="${type}" id="${optionId}" name="${entry.id}" value="${escape(option)}"${chosen.includes(option) ? ' checked' : ''}><label for="${optionId}">${w(`questions.${entry.id}.options.${option}`)}</label></div>`;
        })
        .join('');
      // The first option carries the id the error summary links to.
      const firstId = `${id}-${optionsFor(entry, answers)[0] ?? ''}`;
      return `
    <div class="${groupClass}" id="${id}">
      <fieldset${issue ? ` aria-describedby="${errorId}"` : ''}>
        <legend>${prompt}${entry.optional && !/skip/i.test(prompt) ? optional : ''}</legend>
        ${error}
        <div class="${type === 'radio' ? 'radios' : 'checkboxes'}" data-first="${escape(firstId)}">${options}</div>
      </fieldset>
    </div>`;
    }
    case 'text': {
      const label = has(`questions.${entry.id}.label`) ? w(`questions.${entry.id}.label`) : prompt;
      const hint = has(`questions.${entry.id}.hint`) ? `<span class="hint" id="${id}-hint">${w(`questions.${entry.id}.hint`)}</span>` : '';
      const describedBy = [hint ? `${id}-hint` : '', issue ? errorId : ''].filter(Boolean).join(' ');
      const rule = entry.text;
      const attributes = `id="${id}" name="${entry.id}"${describedBy ? ` aria-describedby="${describedBy}"` : ''}${issue ? ' aria-invalid="true" class="input--error"' : ''} autocomplete="${rule.autocomplete ?? 'off'}"${rule.inputmode ? ` inputmode="${rule.inputmode}"` : ''} spellcheck="false"`;
      const current = escape(typeof value === 'string' ? value : '');
      const control = rule.multiline
        ? `<textarea ${attributes} rows="5">${current}</textarea>`
        : `<input type="${rule.format === 'email' ? 'email' : rule.format === 'phone' ? 'tel' : 'text'}" ${attributes} value="${current}">`;
      return `
    <div class="${groupClass}">
      <label for="${id}">${label}${entry.optional && !/optional/i.test(label) ? optional : ''}</label>
      ${hint}${error}${control}
    </div>`;
    }
    case 'place': {
      const regions = [...new Set(page.areas.map((area) => area.region))];
      const label = has(`questions.${entry.id}.label`) ? w(`questions.${entry.id}.label`) : w('questions.area.listLabel');
      return `
    <div class="${groupClass}">
      <label for="${id}">${entry.id === 'area' ? w('questions.area.listLabel') : label}${optional}</label>
      <span class="hint" id="${id}-hint">${w('form.areaFinder')} <a href="/find-your-area/">/find-your-area/</a></span>
      ${error}
      <select id="${id}" name="${entry.id}" aria-describedby="${id}-hint${issue ? ` ${errorId}` : ''}">
        <option value="">${entry.optional ? w('form.areaNotSure') : w('form.areaChoose')}</option>
        ${regions
          .map(
            (region) =>
              `<optgroup label="${escape(region)}">${page.areas
                .filter((area) => area.region === region)
                .map((area) => `<option value="${area.code}"${value === area.code ? ' selected' : ''}>${escape(area.name)}</option>`)
                .join('')}</optgroup>`,
          )
          .join('')}
      </select>
    </div>`;
    }
    case 'agreement':
      return `
    <div class="${groupClass}">
      ${error}
      <div class="checkbox"><input type="checkbox" id="${id}" name="${entry.id}" value="yes"${value === true ? ' checked' : ''}${issue ? ` aria-describedby="${errorId}"` : ''}><label for="${id}">${w(`questions.${entry.id}.label`)}</label></div>
    </div>`;
  }
}

/** Check your answers: every answer shown, by section, each with a Change button that posts back to its step. */
function summaryHtml(page: FormPage, w: W): string {
  const { answers, words } = page;
  const row = (entry: Field) => {
    const value = answers[entry.id];
    const shown =
      shownAsNotGiven(value)
        ? w('questions.common.notGiven')
        : entry.kind === 'choice'
          ? w(`questions.${entry.id}.options.${value}`)
          : entry.kind === 'multi'
            ? (value as string[]).map((item) => w(`questions.${entry.id}.options.${item}`)).join(', ')
            : entry.kind === 'place'
              ? escape(page.areas.find((area) => area.code === value)?.name ?? String(value))
              : entry.kind === 'agreement'
                ? w(value === true ? 'questions.common.yes' : 'questions.common.no')
                : escape(String(value));
    const step = entry.step ?? entry.id;
    const change = stepById(step) && lookup(words, `questions.${entry.id}.change`) ? `<button type="submit" class="link-button" name="_action" value="change:${escape(step)}"><span aria-hidden="true">${w('form.change')}</span><span class="visually-hidden">${w(`questions.${entry.id}.change`)}</span></button>` : '';
    return `<div><dt>${w(`questions.${entry.id}.summary`)}</dt><dd class="summary-value">${shown}</dd><dd>${change}</dd></div>`;
  };
  const groups = shownBySection(answers).map(({ section, fields }) => `<h3>${w(`check.sections.${section}`)}</h3><dl class="summary-list">${fields.map(row).join('')}</dl>`);
  return `<h2>${w('check.heading')}</h2>${groups.join('')}`;
}
