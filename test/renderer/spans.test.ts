// Highlighting the rule core's matched spans in a message body: UTF-16 offsets, overlapping and
// unordered spans, emoji, offsets outside the body, and offsets counted on other text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlight, locate } from '../../renderer/src/features/flags/spans';

const span = (body: string, text: string, from = 0) => {
  const start = body.indexOf(text, from);
  return { start, end: start + text.length, text };
};
const marked = (body: string, spans: Parameters<typeof highlight>[1]) =>
  highlight(body, spans)
    .filter((s) => s.marked)
    .map((s) => s.text);

describe('highlighting matched spans', () => {
  it('marks each span and keeps the text around it', () => {
    const body = 'Remove the one-star rating and the extra revisions are on me, no charge. Thanks!';
    expect(highlight(body, [span(body, 'Remove the one-star rating'), span(body, 'extra revisions')])).toEqual([
      { text: 'Remove the one-star rating', marked: true },
      { text: ' and the ', marked: false },
      { text: 'extra revisions', marked: true },
      { text: ' are on me, no charge. Thanks!', marked: false },
    ]);
  });

  it('joins overlapping and nested spans into one highlight, whatever their order', () => {
    const body = 'Notez mon concept la note maximale et je vous envoie en plus des bannières.';
    const outer = { start: 0, end: 34, text: 'Notez mon concept la note maximale' };
    const inner = { start: 21, end: 34, text: 'note maximale' };
    const next = { start: 35, end: 52, text: 'et je vous envoie' };
    expect(marked(body, [inner, next, outer])).toEqual(['Notez mon concept la note maximale', 'et je vous envoie']);
    // Spans that overlap by a part join too.
    expect(marked('abcdefgh', [{ start: 1, end: 4, text: 'bcd' }, { start: 3, end: 6, text: 'def' }])).toEqual(['bcdef']);
  });

  it('counts offsets in UTF-16 code units, so emoji before a span do not shift it', () => {
    const body = '🙏🙏 please give 5★ stars 👍';
    const s = span(body, 'give 5★ stars');
    expect(s.start).toBe(12); // two emoji are four code units
    expect(marked(body, [s])).toEqual(['give 5★ stars']);
  });

  it('never splits an emoji: an edge inside a surrogate pair widens to the whole character', () => {
    const body = 'ok 👍 thanks';
    // 👍 is code units 3 and 4; a span starting at its second half or ending after its first.
    expect(locate(body, { start: 4, end: 11, text: '' })).toEqual([3, 11]);
    expect(locate(body, { start: 0, end: 4, text: '' })).toEqual([0, 5]);
    for (const seg of highlight(body, [{ start: 4, end: 7, text: '' }])) expect(seg.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('finds the phrase by its text when the offsets were counted on other text', () => {
    const body = 'Hi! Please change your rating to 5 stars.';
    expect(marked(body, [{ start: 0, end: 20, text: 'change your rating' }])).toEqual(['change your rating']);
  });

  it('drops spans outside the body or empty, and clamps one that runs past its end', () => {
    const body = 'short';
    expect(marked(body, [{ start: 10, end: 20, text: '' }, { start: 3, end: 3, text: '' }])).toEqual([]);
    expect(marked(body, [{ start: 2, end: 99, text: '' }])).toEqual(['ort']);
    expect(highlight('', [])).toEqual([{ text: '', marked: false }]);
  });

  it('always gives back the whole body, in order, whatever the spans', () => {
    const arbitrarySpan = fc.record({ start: fc.integer({ min: -5, max: 60 }), end: fc.integer({ min: -5, max: 60 }), text: fc.constantFrom('', 'ab', '👍', 'zz') });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(arbitrarySpan, { maxLength: 6 }), (body, spans) => {
        const segments = highlight(body, spans);
        expect(segments.map((s) => s.text).join('')).toBe(body);
        // No two marked pieces touch: overlapping ones were joined.
        for (let i = 1; i < segments.length; i += 1) expect(segments[i]?.marked && segments[i - 1]?.marked).toBe(false);
      }),
    );
  });
});
