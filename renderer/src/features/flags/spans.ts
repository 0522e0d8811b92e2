// A message body cut into plain and highlighted pieces from the rule core's matched spans
// (RULES.md R12: evidence a person can read). Offsets are UTF-16 code units, as JavaScript
// strings count them; spans may overlap (two detectors on one phrase), arrive in any order, or
// fall outside the body. A highlight never splits an emoji or any other surrogate pair.
import type { TextSpan } from '../../../../core';

export interface Segment {
  text: string;
  marked: boolean;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Widens [start, end) so that neither edge falls between the two halves of a surrogate pair. */
function wholeCharacters(body: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  if (s > 0 && s < body.length && isLow(body.charCodeAt(s)) && isHigh(body.charCodeAt(s - 1))) s -= 1;
  if (e > 0 && e < body.length && isLow(body.charCodeAt(e)) && isHigh(body.charCodeAt(e - 1))) e += 1;
  return [s, e];
}

/**
 * Where a span lies in the body: at its offsets when the text there is the span's text; else
 * where its text first occurs (the offsets were counted on other text); else at its offsets
 * clamped to the body. Null when nothing of it is left.
 */
export function locate(body: string, span: Pick<TextSpan, 'start' | 'end' | 'text'>): [number, number] | null {
  const start = Math.max(0, Math.min(body.length, Math.floor(span.start)));
  const end = Math.max(0, Math.min(body.length, Math.floor(span.end)));
  if (span.text !== '' && body.slice(start, end) !== span.text) {
    const found = body.indexOf(span.text);
    if (found !== -1) return wholeCharacters(body, found, found + span.text.length);
  }
  if (!(end > start)) return null;
  return wholeCharacters(body, start, end);
}

/** The body as pieces in order, the marked ones being the union of every span. */
export function highlight(body: string, spans: readonly Pick<TextSpan, 'start' | 'end' | 'text'>[] = []): Segment[] {
  const ranges = spans
    .map((span) => locate(body, span))
    .filter((r): r is [number, number] => r !== null)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Overlapping or touching ranges become one highlight: a reader sees one phrase, not two.
  const merged: Array<[number, number]> = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) segments.push({ text: body.slice(at, s), marked: false });
    segments.push({ text: body.slice(s, e), marked: true });
    at = e;
  }
  if (at < body.length || segments.length === 0) segments.push({ text: body.slice(at), marked: false });
  return segments;
}
