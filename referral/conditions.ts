/**
 * When a question is asked, written as data: a condition on earlier answers. Being data rather than
 * code, a condition says which answers it reads (`dependsOn`), so the no-JavaScript form can put a
 * question on the page after the one that decides it, and tests can exercise every condition both ways.
 */
export type Answer = string | readonly string[] | boolean;
export type Answers = Readonly<Record<string, Answer | undefined>>;

export type Condition =
  /** The answer is one of these. */
  | { field: string; is: readonly string[] }
  /** The answer is missing, or is none of these. */
  | { field: string; isNot: readonly string[] }
  /** A multiple-choice answer includes one of these. */
  | { field: string; includes: readonly string[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] };

export function holds(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((inner) => holds(inner, answers));
  if ('any' in condition) return condition.any.some((inner) => holds(inner, answers));
  const value = answers[condition.field];
  if ('is' in condition) return typeof value === 'string' && condition.is.includes(value);
  if ('isNot' in condition) return typeof value !== 'string' || !condition.isNot.includes(value);
  return Array.isArray(value) && value.some((item) => condition.includes.includes(item));
}

/** The answers a condition reads. */
export function dependsOn(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ('all' in condition) return [...new Set(condition.all.flatMap(dependsOn))];
  if ('any' in condition) return [...new Set(condition.any.flatMap(dependsOn))];
  return [condition.field];
}
