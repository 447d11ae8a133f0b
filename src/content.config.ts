import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { areaSchema } from './schemas/area.ts';
import { eventSchema } from './schemas/event.ts';
import { evidenceSchema } from './schemas/evidence.ts';
import { helplineSchema } from './schemas/helpline.ts';
import { pageSchema } from './schemas/page.ts';

// Words and data live in content/ at the top of the project; the schemas, with a comment on every
// field, live in src/schemas/. A file that breaks its schema stops the build and names the field.
export const collections = {
  /** Pages of words: content/pages/<slug>.md */
  pages: defineCollection({
    loader: glob({ base: './content/pages', pattern: '*.md' }),
    schema: pageSchema,
  }),
  /** One record per police force area: content/areas/<ONS code>.json */
  areas: defineCollection({
    loader: glob({ base: './content/areas', pattern: '*.json' }),
    schema: areaSchema,
  }),
  /** The statistics, each with its source: content/evidence.json */
  evidence: defineCollection({ loader: file('content/evidence.json'), schema: evidenceSchema }),
  /** National help lines, each with its source: content/helplines.json */
  helplines: defineCollection({ loader: file('content/helplines.json'), schema: helplineSchema }),
  /** Local Restorative Justice Week events, one per file: content/events/<name>.json (see its README.md) */
  events: defineCollection({
    loader: glob({ base: './content/events', pattern: '*.json' }),
    schema: eventSchema,
  }),
};
