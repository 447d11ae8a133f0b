/** Fills `{name}` placeholders in a sentence from content/. A missing value is a bug, so it throws. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for {${key}} in "${template}"`);
    return String(value);
  });
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
