import { getCollection, getEntry, type CollectionEntry } from 'astro:content';

/** The address of a page of words: standalone pages have their own routes, named like the file. */
export function pagePath(id: string): string {
  return id === 'home' ? '/' : `/${id}/`;
}

/** A page of words by file name, or a build error naming the missing file. */
export async function requirePage(id: string): Promise<CollectionEntry<'pages'>> {
  const entry = await getEntry('pages', id);
  if (!entry) throw new Error(`content/pages/${id}.md is missing`);
  return entry;
}

/** Pages listed in the footer, in their `order`: everything but the home page and utility pages. */
export async function footerPages(): Promise<{ href: string; label: string }[]> {
  const hidden = new Set(['home', 'page-not-found']);
  const pages = await getCollection('pages', (page) => !hidden.has(page.id));
  return pages
    .sort((a, b) => a.data.order - b.data.order)
    .map((page) => ({ href: pagePath(page.id), label: page.data.navTitle ?? page.data.title }));
}

export async function evidenceList(): Promise<CollectionEntry<'evidence'>['data'][]> {
  return (await getCollection('evidence')).map((entry) => entry.data);
}

export async function helplineList(): Promise<CollectionEntry<'helplines'>['data'][]> {
  return (await getCollection('helplines')).map((entry) => entry.data);
}
