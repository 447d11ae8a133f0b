import { Parser } from 'htmlparser2';

/**
 * The main text of a built page as blocks a reader meets one at a time: each paragraph, heading, list
 * item, table cell, term, caption, label and button. Scripts, styles, `<template>`s and SVG are not
 * text; text a screen reader hears (visually hidden) is.
 */
const blockTags = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'figcaption', 'caption', 'summary', 'button', 'label', 'legend', 'blockquote', 'option']);
const skipTags = new Set(['script', 'style', 'template', 'svg', 'noscript']);

export function mainBlocks(html: string): string[] {
  const blocks: string[] = [];
  let inMain = 0;
  let skipping = 0;
  const open: string[][] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'main') inMain += 1;
        if (skipTags.has(name)) skipping += 1;
        if (inMain && blockTags.has(name)) open.push([]);
        if (name === 'br') open.at(-1)?.push(' ');
      },
      ontext(text) {
        if (!inMain || skipping) return;
        if (open.length === 0) open.push([]);
        open.at(-1)?.push(text);
      },
      onclosetag(name) {
        if (skipTags.has(name)) skipping -= 1;
        if (inMain && (blockTags.has(name) || name === 'main') && open.length > 0) {
          const text = (open.pop() ?? []).join('').replace(/\s+/g, ' ').trim();
          if (text) blocks.push(text);
        }
        if (name === 'main') inMain -= 1;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return blocks;
}
