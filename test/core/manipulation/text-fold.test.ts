// RULES.md R12, "Phrase matching": the fold every message pattern reads, and its way back to
// the body's offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets } from '../../../core/manipulation/text-fold';

describe('folding a message', () => {
  it.each([
    ['FIVE STARS', 'five stars'],
    ['Cinq ÉTOILES, s’il vous plaît', "cinq etoiles, s'il vous plait"],
    ['⭐️⭐️⭐️⭐️⭐️', '★★★★★'],
    ['☆ 🌟 ✪', '★ ★ ★'],
    ['st4rs fiv3 r8', 'stars five r8'],
    ['$tars for $15', 'stars for $15'],
    ['fiiive staaars pleeease', 'five stars please'],
    ['f i v e  s t a r s please', 'five stars please'],
    ['« Großartig » — Œuvre', '" grossartig " ; oeuvre'],
    ['a\u200bb\u00adc', 'abc'],
    ['e\u0301te\u0301', 'ete'],
  ])('%j → %j', (body, folded) => {
    expect(foldText(body)).toBe(folded);
    expect(foldWithOffsets(body).text).toBe(folded);
  });

  it('maps each folded character back to the stretch of the body it came from', () => {
    const body = 'Donnez 5 ÉTOILES ⭐️ f i v e  s t a r s';
    const f = foldWithOffsets(body);
    const at = (needle: string) => {
      const i = f.text.indexOf(needle);
      return body.slice(f.from(i), f.to(i + needle.length - 1));
    };
    expect(at('etoiles')).toBe('ÉTOILES');
    // The variation selector after the star is invisible, and folds to nothing.
    expect(at('★')).toBe('⭐');
    expect(at('five stars')).toBe('f i v e  s t a r s');
  });

  it('gives the same text with or without offsets, and offsets inside the body in order (property)', () => {
    const unit = fc.constantFrom('a', 'B', 'e', ' ', '  ', '5', '$', 'é', 'É', 'ß', 'æ', '⭐', '\ufe0f', '\u200b', '\u0301', '😊', 'Σ', 'İ', '.', '\n', '\t', '`', '’');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const body = units.join('');
        const f = foldWithOffsets(body);
        if (f.text !== foldText(body)) return false;
        for (let i = 0; i < f.text.length; i += 1) {
          if (!(f.from(i) >= 0 && f.from(i) < f.to(i) && f.to(i) <= body.length)) return false;
          if (i > 0 && f.from(i) < f.from(i - 1)) return false;
        }
        return true;
      }),
      { numRuns: 2_000 },
    );
  });
});
