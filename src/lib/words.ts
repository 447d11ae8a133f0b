/** Fills `{name}` placeholders in a sentence from content/. A missing value is a bug, so it throws. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for {${key}} in "${template}"`);
    return String(value);
  });
}

/**
 * Fills `{name}` placeholders, leaving out any with no value (for sentences shown where a value may be
 * missing, such as an area's provider before the area is known). Use `fill` where a gap is a bug.
 */
export function fillLoose(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** Nested groups of sentences, looked up by dotted keys such as `harm.options.robbery`. */
export type Words = { [key: string]: string | Words };

/** The words at a dotted key, or undefined. */
export function lookup(words: Words, key: string): string | undefined {
  let node: string | Words | undefined = words;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The words at a key in someone's own words (`variant`, e.g. `responsible`), falling back to everyone's:
 * `a.b.prompt` is looked up as `a.b.prompt_responsible`, and `a.b.options.yes` as
 * `a.b.options_responsible.yes`, before the key itself.
 */
export function lookupVariant(words: Words, key: string, variant: string | undefined): string | undefined {
  if (variant) {
    const parts = key.split('.');
    const own = [[...parts.slice(0, -1), `${parts.at(-1)}_${variant}`].join('.')];
    if (parts.length > 1) own.push([...parts.slice(0, -2), `${parts.at(-2)}_${variant}`, parts.at(-1)].join('.'));
    for (const candidate of own) {
      const text = lookup(words, candidate);
      if (text !== undefined) return text;
    }
  }
  return lookup(words, key);
}
