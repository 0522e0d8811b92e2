// A design image per asset id (GET /v1/assets/{id}): a logo-like composition — a tinted
// ground, a mark of a few shapes, a monogram and a wordmark — drawn deterministically from the
// id, so every design looks distinct and the same id always gives the same bytes.
import { Rng } from '../generator/rng';
import { createHash } from 'node:crypto';

/** FNV-1a over the id: the seed of everything drawn. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h) % 360} ${Math.round(s)}% ${Math.round(l)}%)`;
const r1 = (n: number) => Math.round(n * 10) / 10;

const SYLLABLES = ['lu', 'ma', 'no', 'ra', 'ki', 've', 'so', 'ta', 'mi', 'do', 'ze', 'pa', 'xo', 'bri', 'fen', 'gal', 'hy', 'qui', 'wen', 'jor'];

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function mark(next: () => number, cx: number, cy: number, size: number, colors: string[]): string {
  const pick = () => colors[Math.floor(next() * colors.length)] ?? colors[0] ?? '#000';
  const kind = Math.floor(next() * 5);
  const parts: string[] = [];
  switch (kind) {
    case 0: {
      // Overlapping circles.
      const n = 2 + Math.floor(next() * 3);
      for (let i = 0; i < n; i++) {
        const a = (i / n) * Math.PI * 2 + next();
        parts.push(`<circle cx="${r1(cx + Math.cos(a) * size * 0.3)}" cy="${r1(cy + Math.sin(a) * size * 0.3)}" r="${r1(size * (0.3 + next() * 0.2))}" fill="${pick()}" fill-opacity="0.8"/>`);
      }
      break;
    }
    case 1: {
      // A regular polygon with an inner one.
      const sides = 3 + Math.floor(next() * 5);
      const poly = (radius: number, turn: number) =>
        Array.from({ length: sides }, (_, i) => {
          const a = (i / sides) * Math.PI * 2 + turn;
          return `${r1(cx + Math.cos(a) * radius)},${r1(cy + Math.sin(a) * radius)}`;
        }).join(' ');
      const turn = next() * Math.PI;
      parts.push(`<polygon points="${poly(size * 0.55, turn)}" fill="${pick()}"/>`);
      parts.push(`<polygon points="${poly(size * 0.3, turn + Math.PI / sides)}" fill="${pick()}"/>`);
      break;
    }
    case 2: {
      // Stacked rounded bars.
      const n = 3 + Math.floor(next() * 3);
      for (let i = 0; i < n; i++) {
        const w = size * (0.5 + next() * 0.6);
        const h = (size * 1.1) / n - 4;
        parts.push(`<rect x="${r1(cx - w / 2)}" y="${r1(cy - size * 0.55 + i * (h + 4))}" width="${r1(w)}" height="${r1(h)}" rx="${r1(h / 2)}" fill="${pick()}"/>`);
      }
      break;
    }
    case 3: {
      // A ring with a dot.
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${r1(size * 0.5)}" fill="none" stroke="${pick()}" stroke-width="${r1(size * (0.08 + next() * 0.1))}"/>`);
      const a = next() * Math.PI * 2;
      parts.push(`<circle cx="${r1(cx + Math.cos(a) * size * 0.5)}" cy="${r1(cy + Math.sin(a) * size * 0.5)}" r="${r1(size * 0.14)}" fill="${pick()}"/>`);
      break;
    }
    default: {
      // A leaf of two arcs.
      const s = size * 0.6;
      parts.push(`<path d="M ${r1(cx - s)} ${r1(cy + s)} Q ${r1(cx - s)} ${r1(cy - s)} ${r1(cx + s)} ${r1(cy - s)} Q ${r1(cx + s)} ${r1(cy + s)} ${r1(cx - s)} ${r1(cy + s)} Z" fill="${pick()}"/>`);
      parts.push(`<path d="M ${r1(cx - s)} ${r1(cy + s)} L ${r1(cx + s * 0.6)} ${r1(cy - s * 0.6)}" stroke="${pick()}" stroke-width="4"/>`);
    }
  }
  return parts.join('');
}

export interface Asset {
  svg: string;
  etag: string;
}

export function designSvg(assetId: string): Asset {
  // The generator's seeded PRNG over the id's hash: reproducible, never Math.random.
  const random = new Rng(hash32(assetId));
  const next = () => random.next();
  const hue = next() * 360;
  const scheme = [hsl(hue, 65, 45), hsl(hue + 150 + next() * 60, 70, 55), hsl(hue + 30, 55, 30), hsl(hue + 200, 60, 65)];
  const ground = hsl(hue + 180, 25 + next() * 20, 92 + next() * 5);
  const name = Array.from({ length: 2 + Math.floor(next() * 2) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)] ?? 'lo').join('');
  const word = name.charAt(0).toUpperCase() + name.slice(1);
  const monogram = `${word.charAt(0)}${(SYLLABLES[Math.floor(next() * SYLLABLES.length)] ?? 'x').charAt(0).toUpperCase()}`;
  const layout = Math.floor(next() * 2);
  const serif = next() < 0.5 ? 'Georgia, serif' : 'Helvetica, Arial, sans-serif';
  const markSvg = layout === 0 ? mark(next, 200, 150, 90, scheme) : mark(next, 120, 200, 70, scheme);
  const monoX = layout === 0 ? 200 : 120;
  const monoY = layout === 0 ? 162 : 212;
  const wordSvg =
    layout === 0
      ? `<text x="200" y="305" text-anchor="middle" font-family="${serif}" font-size="40" font-weight="700" fill="${scheme[2]}">${escapeXml(word)}</text>`
      : `<text x="215" y="215" font-family="${serif}" font-size="44" font-weight="700" fill="${scheme[2]}">${escapeXml(word)}</text>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(word)} logo (${escapeXml(assetId)})">` +
    `<rect width="400" height="400" fill="${ground}"/>` +
    markSvg +
    `<text x="${monoX}" y="${monoY}" text-anchor="middle" font-family="${serif}" font-size="34" font-weight="800" fill="#fff" fill-opacity="0.92">${escapeXml(monogram)}</text>` +
    wordSvg +
    `</svg>`;
  const etag = `"${createHash('sha256').update(svg).digest('base64url').slice(0, 27)}"`;
  return { svg, etag };
}
