/**
 * Synthesises resources/sounds/alert.wav, the tone the renderer plays with emergency alarms
 * (committed; run again only to change it). Two rising three-note chimes (A5, C#6, E6), each note
 * a sine with its octave, a 5 ms attack and an exponential decay: urgent without being shrill.
 * 16-bit mono PCM at 22.05 kHz, 1.4 s.
 *
 * Run: node scripts/generateAlertSound.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sampleRate = 22_050;
const notes = [880, 1108.73, 1318.51];
const noteSeconds = 0.16;
const gapSeconds = 0.04;
const pauseSeconds = 0.2;
const volume = 0.6;

function tone(frequency: number, seconds: number): Float32Array {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) {
    const t = i / sampleRate;
    const attack = Math.min(1, t / 0.005);
    const decay = Math.exp(-t * 9);
    samples[i] = attack * decay * (0.8 * Math.sin(2 * Math.PI * frequency * t) + 0.2 * Math.sin(4 * Math.PI * frequency * t));
  }
  return samples;
}

const silence = (seconds: number) => new Float32Array(Math.round(seconds * sampleRate));
const chime = notes.flatMap((f) => [tone(f, noteSeconds), silence(gapSeconds)]);
const parts = [...chime, silence(pauseSeconds), ...chime];
const length = parts.reduce((n, p) => n + p.length, 0);

const data = Buffer.alloc(length * 2);
let offset = 0;
for (const part of parts) {
  for (const sample of part) {
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample * volume)) * 32_767), offset);
    offset += 2;
  }
}

const header = Buffer.alloc(44);
header.write('RIFF', 0, 'ascii');
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVE', 8, 'ascii');
header.write('fmt ', 12, 'ascii');
header.writeUInt32LE(16, 16); // fmt chunk size
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(sampleRate, 24);
header.writeUInt32LE(sampleRate * 2, 28); // byte rate
header.writeUInt16LE(2, 32); // block align
header.writeUInt16LE(16, 34); // bits per sample
header.write('data', 36, 'ascii');
header.writeUInt32LE(data.length, 40);

const out = join(import.meta.dirname, '..', 'resources', 'sounds');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'alert.wav'), Buffer.concat([header, data]));
console.log(`resources/sounds/alert.wav: ${(length / sampleRate).toFixed(2)} s, ${header.length + data.length} bytes`);
