import { findByPostcode, findCouncils, type FoundArea, type PostcodeResult } from '../lib/finder.ts';
import type { FinderTable } from '../lib/finder-table-types.ts';
import type { FinderWords } from '../schemas/finder-words.ts';
import { areaPath } from '../lib/paths.ts';
import { fill } from '../lib/words.ts';

/**
 * The finder page: postcode and council search in the browser. The table loads with the page, before
 * anyone types, and nothing typed is ever sent anywhere. Without JavaScript the page shows the list.
 */
const root = document.querySelector<HTMLElement>('[data-finder]');
const wordsElement = document.getElementById('finder-words');

if (root && wordsElement) {
  const words = JSON.parse(wordsElement.textContent ?? '{}') as FinderWords;
  const table: Promise<FinderTable | null> = fetch('/data/finder.json')
    .then((response) => (response.ok ? (response.json() as Promise<FinderTable>) : null))
    .catch(() => null);
  root.hidden = false;
  setUpPostcode(root, words, table);
  setUpCouncils(root, words, table);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function areaLink(words: FinderWords, area: FoundArea, suffix = ''): HTMLAnchorElement {
  const link = element('a', fill(words.resultAreaLink, { area: area.name }) + suffix);
  link.href = areaPath(area);
  return link;
}

function setUpPostcode(root: HTMLElement, words: FinderWords, table: Promise<FinderTable | null>): void {
  const form = root.querySelector<HTMLFormElement>('[data-finder-postcode]');
  const input = root.querySelector<HTMLInputElement>('#postcode');
  const group = root.querySelector<HTMLElement>('[data-postcode-group]');
  const error = root.querySelector<HTMLElement>('#postcode-error');
  const result = root.querySelector<HTMLElement>('[data-finder-result]');
  if (!form || !input || !group || !error || !result) return;

  const showError = (message: string): void => {
    error.replaceChildren(element('span', 'Error: ', 'visually-hidden'), message);
    error.hidden = false;
    group.classList.add('form-group--error');
    input.classList.add('input--error');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'postcode-hint postcode-error');
    result.replaceChildren();
    input.focus();
  };
  const clearError = (): void => {
    error.hidden = true;
    group.classList.remove('form-group--error');
    input.classList.remove('input--error');
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', 'postcode-hint');
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return showError(words.errorEmpty);
    const loaded = await table;
    if (!loaded) return showError(words.loadError);
    const found = findByPostcode(loaded, text);
    if (found.kind === 'invalid') return showError(words.errorInvalid);
    if (found.kind === 'unknown') return showError(fill(words.errorUnknown, { outcode: found.outcode }));
    clearError();
    showResult(result, words, found);
  });
}

function showResult(result: HTMLElement, words: FinderWords, found: Exclude<PostcodeResult, { kind: 'invalid' | 'unknown' }>): void {
  const panel = element('div', undefined, 'panel');
  const heading = element('h2');
  heading.tabIndex = -1;
  panel.append(heading);
  if (found.kind === 'area') {
    heading.textContent = fill(words.resultArea, { area: found.area.name });
    panel.append(paragraph(areaLink(words, found.area)));
  } else if (found.kind === 'outside') {
    heading.textContent = fill(words.resultOutside, { outcode: found.outcode, place: found.place });
    panel.append(...outsideContent(words, found.place));
  } else {
    heading.textContent = fill(words.resultChoice, { outcode: found.outcode });
    panel.append(element('p', words.resultChoiceHint));
    const list = element('ul');
    found.options.forEach((option, i) => {
      const share = ` (${fill(i === 0 ? words.shareMost : words.shareSome, { outcode: found.outcode })})`;
      if (option.area) {
        list.append(listItem(areaLink(words, option.area, share)));
        return;
      }
      const button = element('button', words.scotlandOption + share, 'button button--secondary');
      button.type = 'button';
      button.addEventListener('click', () =>
        showResult(result, words, { kind: 'outside', outcode: found.outcode, place: 'Scotland' }),
      );
      list.append(listItem(button));
    });
    panel.append(list);
  }
  result.replaceChildren(panel);
  heading.focus();
}

function outsideContent(words: FinderWords, place: keyof FinderWords['elsewhere']): HTMLElement[] {
  const info = words.elsewhere[place];
  const nodes: HTMLElement[] = [element('p', words.outsideIntro), element('p', info.text)];
  if (info.links.length > 0) {
    const list = element('ul');
    for (const link of info.links) {
      const anchor = element('a', link.label);
      anchor.href = link.url;
      list.append(listItem(anchor));
    }
    nodes.push(list);
  }
  return nodes;
}

function paragraph(child: Node): HTMLParagraphElement {
  const p = element('p');
  p.append(child);
  return p;
}

function listItem(child: Node): HTMLLIElement {
  const li = element('li');
  li.append(child);
  return li;
}

function setUpCouncils(root: HTMLElement, words: FinderWords, table: Promise<FinderTable | null>): void {
  const input = root.querySelector<HTMLInputElement>('#council');
  const status = root.querySelector<HTMLElement>('[data-council-status]');
  const list = root.querySelector<HTMLElement>('[data-council-results]');
  if (!input || !status || !list) return;
  let announce: ReturnType<typeof setTimeout> | undefined;

  input.addEventListener('input', async () => {
    const loaded = await table;
    const query = input.value;
    if (!loaded) {
      status.textContent = words.loadError;
      return;
    }
    const matches = query.trim().length < 2 ? [] : findCouncils(loaded, query);
    list.replaceChildren(
      ...matches.map((match) => {
        const link = element('a', fill(words.councilResult, { council: match.name, area: match.area.name }));
        link.href = areaPath(match.area);
        return listItem(link);
      }),
    );
    // Announce the count once typing pauses, not on every key.
    clearTimeout(announce);
    announce = setTimeout(() => {
      if (query.trim().length < 2) status.textContent = '';
      else if (matches.length === 0) status.textContent = words.councilNone;
      else status.textContent = matches.length === 1 ? words.councilCountOne : fill(words.councilCount, { count: matches.length });
    }, 400);
  });
}
