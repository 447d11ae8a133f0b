/**
 * Page addresses, in a module with no data in it, so the browser's scripts can use it too
 * (src/lib/areas.ts loads every area file).
 */
export function areaPath(area: { slug: string }): string {
  return `/areas/${area.slug}/`;
}
