// RULES.md R12, "Phrase matching": how the phrase lists become patterns.
//
// Every pattern runs on text folded by text-fold.ts (lowercased, accents stripped, quotes and
// star glyphs folded, "st4rs" to "stars", "f i v e" to "five"), so a list never spells out an
// accent or a case. Patterns are compiled once, at module load. None nests an unbounded
// quantifier inside another, and every gap between words is bounded, so a scan stays linear
// in the length of the message whatever a designer types.
export { pattern, type Pattern } from '../text-match';

/** Words as one non-capturing group, longest first, so "ratings" wins over "rating". */
export function alt(...words: readonly string[]): string {
  return `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
}

/**
 * Alternatives as one non-capturing group, in the order written: where a list mixes words and
 * phrases that begin alike, the first one that lets the whole pattern match wins.
 */
export function oneOf(...alternatives: readonly string[]): string {
  return `(?:${alternatives.join('|')})`;
}
