/**
 * The desk's colours read at WCAG AA (4.5:1) in both schemes: secondary text, coloured text and
 * outlines on the page and on hovered, striped and selected rows, white text on filled badges and
 * buttons; and each is the palette's own shade wherever that shade already reads.
 */
import { darken, DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readable } from '../../../../renderer/src/services/readableColors.ts';
import { cssVariablesResolver, deskTheme } from '../../../../renderer/src/services/theme.ts';

const full = mergeMantineTheme(DEFAULT_THEME, deskTheme({ close: 'Закрыть' }));
const { light, dark } = cssVariablesResolver(full);
const { gray, dark: darkShades, indigo } = full.colors;
const white = '#ffffff';
// The page, hovered and striped rows, the selected row and the active navigation item.
const lightSurfaces = [white, gray[0], gray[1], indigo[1], indigo[2]];
const darkSurfaces = [darkShades[7], darkShades[6], darkShades[5], darken(indigo[9], 0.5), darken(indigo[9], 0.3)];

function expectReadable(vars: Record<string, string>, pattern: RegExp, surfaces: readonly string[]): void {
  const names = Object.keys(vars).filter((n) => pattern.test(n));
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) {
    for (const surface of surfaces) {
      expect(contrastRatio(vars[name]!, surface), `${name} on ${surface}`).toBeGreaterThanOrEqual(4.5);
    }
  }
}

describe('readable colours', () => {
  it('secondary (dimmed) text reads on the page and on rows in both schemes', () => {
    expectReadable(light, /--mantine-color-dimmed$/, lightSurfaces);
    expectReadable(dark, /--mantine-color-dimmed$/, darkSurfaces);
  });

  it('coloured text, outlines and links (countdowns, outline badges, a client’s phone) read in both schemes', () => {
    expectReadable(light, /-(text|outline)$|-anchor$/, lightSurfaces);
    expectReadable(dark, /-(text|outline)$|-anchor$/, darkSurfaces);
  });

  it('a refused field’s message and text (the error colour) read in both schemes', () => {
    expectReadable(light, /--mantine-color-error$/, lightSurfaces);
    expectReadable(dark, /--mantine-color-error$/, darkSurfaces);
  });

  it('white text reads on every filled colour', () => {
    expectReadable(light, /-filled$/, [white]);
    expectReadable(dark, /-filled$/, [white]);
  });

  it('a light badge’s text reads on its own tint', () => {
    for (const name of ['red', 'orange', 'yellow', 'teal', 'indigo', 'gray'] as const) {
      for (const tint of [full.colors[name][1], full.colors[name][2]]) {
        expect(contrastRatio(light[`--mantine-color-${name}-light-color`]!, tint), name).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('keeps the palette’s shade where it already reads, and darkens only as far as needed', () => {
    expect(light['--mantine-color-red-filled']).toBe(full.colors.red[8]);
    expect(light['--mantine-color-indigo-filled']).toBe(indigo[7]);
    expect(dark['--mantine-color-red-text']).toBe(full.colors.red[4]);
    const darkened = readable([gray[6]], [white]);
    expect(contrastRatio(darkened, white)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(darkened, white)).toBeLessThan(5.5);
  });
});
