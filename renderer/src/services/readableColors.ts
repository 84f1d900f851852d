/**
 * Colours that read: Mantine's palette draws secondary text, coloured text, outlines and white
 * text on filled badges at shade 6 (light) or with dark-2 (dark), below the WCAG AA contrast of
 * 4.5:1 for small text. Each is moved to the nearest shade that reaches it on the surfaces it sits
 * on, and only as far as needed, so the desk keeps its look.
 */
import { darken, lighten, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** WCAG 2 AA for normal-size text. */
export const minimumContrast = 4.5;

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `colour` laid over `background` at `opacity`, as Mantine's light variants are (hex in, hex out). */
export function over(colour: string, background: string, opacity: number): string {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [c, b] = [channels(colour), channels(background)];
  const mixed = c.map((v, i) => Math.round(v * opacity + b[i]! * (1 - opacity)));
  return `#${mixed.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The first candidate that reads on every background; if none does, the last one darkened (on
 * light backgrounds) or lightened (on dark ones) in small steps until it does.
 */
export function readable(candidates: readonly string[], backgrounds: readonly string[]): string {
  const reads = (c: string) => backgrounds.every((b) => contrastRatio(c, b) >= minimumContrast);
  const found = candidates.find(reads);
  if (found) return found;
  const last = candidates.at(-1)!;
  const onLight = luminance(backgrounds[0]!) > luminance(last);
  for (let step = 1; step <= 20; step += 1) {
    const c = onLight ? darken(last, step * 0.04) : lighten(last, step * 0.04);
    if (reads(c)) return c;
  }
  return onLight ? '#000000' : '#ffffff';
}

/** The palettes whose text, outline and filled variables the desk uses for meaning. */
const tunedColors = ['gray', 'red', 'orange', 'yellow', 'teal', 'green', 'blue', 'indigo', 'violet', 'cyan', 'grape'] as const;

/** Shades from `from` towards the dark end (light scheme) or the light end (dark scheme). */
const shades = (palette: MantineColorsTuple, from: number, towardsDark: boolean): string[] =>
  towardsDark ? palette.slice(from) : palette.slice(0, from + 1).reverse();

export const readableColorsResolver: CSSVariablesResolver = (theme) => {
  const { colors } = theme;
  // Spelt out: theme.white is shorthand ('#fff'), and over() mixes six-digit hex.
  const white = '#ffffff';
  const gray = colors.gray;
  const dark = colors.dark;
  // Text sits on the page, on hovered and striped rows and on the selected row's tint.
  const lightSurfaces = [white, gray[0], gray[1], over(colors[theme.primaryColor]![6], white, 0.1)];
  const darkSurfaces = [dark[7], dark[6], dark[5]];
  const light: Record<string, string> = { '--mantine-color-dimmed': readable([gray[6]], lightSurfaces) };
  const darkVars: Record<string, string> = { '--mantine-color-dimmed': readable([dark[2]], darkSurfaces) };
  for (const name of tunedColors) {
    const p = colors[name]!;
    const text = readable(shades(p, 6, true), lightSurfaces);
    const filled = readable(shades(p, 6, true), [white]);
    Object.assign(light, {
      [`--mantine-color-${name}-text`]: text,
      [`--mantine-color-${name}-outline`]: text,
      [`--mantine-color-${name}-light-color`]: readable(shades(p, 9, true), [over(p[6], white, 0.1), over(p[6], gray[0], 0.1)]),
      // White text on filled badges and buttons.
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.1),
    });
    const darkText = readable(shades(p, 4, false), darkSurfaces);
    const darkFilled = readable(shades(p, 8, true), [white]);
    Object.assign(darkVars, {
      [`--mantine-color-${name}-text`]: darkText,
      [`--mantine-color-${name}-outline`]: darkText,
      [`--mantine-color-${name}-filled`]: darkFilled,
      [`--mantine-color-${name}-filled-hover`]: darken(darkFilled, 0.1),
    });
  }
  return { variables: {}, light, dark: darkVars };
};
