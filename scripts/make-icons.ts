// Draws the extension icons (public/icon/<size>.png): a dark-blue rounded square with a white "KV".
// Run with `npx tsx scripts/make-icons.ts`; the PNGs are committed, so builds do not need this.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BLUE = [0x15, 0x42, 0x73];
const WHITE = [0xff, 0xff, 0xff];
const STROKE = 0.085;
/** Letter strokes in unit coordinates: K (stem + two legs) and V. */
const SEGMENTS: [number, number, number, number][] = [
  [0.2, 0.27, 0.2, 0.73],
  [0.45, 0.27, 0.22, 0.52],
  [0.3, 0.45, 0.46, 0.73],
  [0.55, 0.27, 0.675, 0.73],
  [0.675, 0.73, 0.8, 0.27],
];

function distToSegment(px: number, py: number, [ax, ay, bx, by]: [number, number, number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x: number, y: number, r = 0.18): boolean {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** RGBA pixels, 4×4 supersampled. */
function draw(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const u = (x + (sx + 0.5) / n) / size;
          const v = (y + (sy + 0.5) / n) / size;
          if (!insideRoundedSquare(u, v)) continue;
          bg++;
          if (SEGMENTS.some((s) => distToSegment(u, v, s) <= STROKE / 2)) fg++;
        }
      }
      const alpha = bg / (n * n);
      const mix = bg ? fg / bg : 0;
      const i = (y * size + x) * 4;
      const rgb = BLUE.map((blue, c) => Math.round(blue * (1 - mix) + (WHITE[c] ?? blue) * mix));
      px.set([...rgb, Math.round(alpha * 255)], i);
    }
  }
  return px;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `${size}.png`);
  writeFileSync(file, png(size, draw(size)));
  console.log(file);
}
