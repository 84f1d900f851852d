/**
 * Draws the app's icons into resources/icons (committed; run again only to change them):
 *   icon.png (256 px), tray.png / tray@2x.png, tray-alert.png / tray-alert@2x.png (16 / 32 px),
 *   overlay-alert.png (Windows taskbar badge, 16 / 32 px).
 * The picture: a barrier (post and arm) on a PASS24-blue rounded square; the alert variant adds a
 * red dot. Shapes are signed-distance functions sampled 4x4 per pixel for smooth edges; the PNG is
 * written with node:zlib, no image library needed.
 *
 * Run: node scripts/generateIcons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
/** A layer: colour and coverage test at a point in the unit square (0..1). */
type Layer = { color: Rgba; inside: (x: number, y: number) => boolean };

const blue: Rgba = [28, 110, 242, 255];
const white: Rgba = [255, 255, 255, 255];
const red: Rgba = [226, 43, 43, 255];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number): boolean => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };
}

function circle(cx: number, cy: number, r: number) {
  return (x: number, y: number): boolean => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function barrier(): Layer[] {
  return [
    { color: blue, inside: roundedRect(0.04, 0.04, 0.96, 0.96, 0.2) },
    // The post.
    { color: white, inside: roundedRect(0.2, 0.3, 0.34, 0.8, 0.04) },
    // The arm, raised a little.
    {
      color: white,
      inside: (x, y) => {
        // A bar from (0.3, 0.42) to (0.84, 0.3), 0.1 thick.
        const [ax, ay, bx, by] = [0.3, 0.42, 0.84, 0.3];
        const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
        return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= 0.055;
      },
    },
    // The base.
    { color: white, inside: roundedRect(0.14, 0.76, 0.5, 0.86, 0.03) },
  ];
}

function alertDot(): Layer[] {
  return [
    { color: white, inside: circle(0.76, 0.24, 0.25) },
    { color: red, inside: circle(0.76, 0.24, 0.2) },
  ];
}

function overlay(): Layer[] {
  return [
    { color: red, inside: circle(0.5, 0.5, 0.48) },
    { color: white, inside: roundedRect(0.43, 0.18, 0.57, 0.6, 0.05) },
    { color: white, inside: circle(0.5, 0.76, 0.08) },
  ];
}

function render(size: number, layers: Layer[]): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          // The topmost layer covering the sample wins.
          const hit = [...layers].reverse().find((l) => l.inside(x, y));
          if (!hit) continue;
          r += hit.color[0];
          g += hit.color[1];
          b += hit.color[2];
          a += hit.color[3];
        }
      }
      const n = samples * samples;
      const alpha = a / n;
      // Store un-premultiplied colour.
      const scale = a > 0 ? 255 / a : 0;
      row[1 + px * 4] = Math.round(r * scale);
      row[2 + px * 4] = Math.round(g * scale);
      row[3 + px * 4] = Math.round(b * scale);
      row[4 + px * 4] = Math.round(alpha);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = join(import.meta.dirname, '..', 'resources', 'icons');
mkdirSync(out, { recursive: true });
const files: Array<[string, number, Layer[]]> = [
  ['icon.png', 256, barrier()],
  ['tray.png', 16, barrier()],
  ['tray@2x.png', 32, barrier()],
  ['tray-alert.png', 16, [...barrier(), ...alertDot()]],
  ['tray-alert@2x.png', 32, [...barrier(), ...alertDot()]],
  ['overlay-alert.png', 16, overlay()],
  ['overlay-alert@2x.png', 32, overlay()],
];
for (const [name, size, layers] of files) {
  writeFileSync(join(out, name), render(size, layers));
  console.log(`resources/icons/${name} (${size}x${size})`);
}
