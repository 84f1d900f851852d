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
  const white = '#ffffff';
  const gray = colors.gray;
  const dark = colors.dark;
  const primary = colors[theme.primaryColor]!;
  // Text sits on the page, on hovered and striped rows, and on the selected row and the active
  // navigation item (the primary colour's light variant, plain and hovered).
  const lightSurfaces = [white, gray[0], gray[1], primary[1], primary[2]];
  const darkSurfaces = [dark[7], dark[6], dark[5], darken(primary[9], 0.5), darken(primary[9], 0.3)];
  const light: Record<string, string> = { '--mantine-color-dimmed': readable([gray[6]], lightSurfaces) };
  const darkVars: Record<string, string> = { '--mantine-color-dimmed': readable([dark[2]], darkSurfaces) };
  for (const name of tunedColors) {
    const p = colors[name]!;
    const text = readable(shades(p, 6, true), lightSurfaces);
    const filled = readable(shades(p, 6, true), [white]);
    Object.assign(light, {
      [`--mantine-color-${name}-text`]: text,
      [`--mantine-color-${name}-outline`]: text,
      // A light badge: its text on its own tint (shade 1, shade 2 hovered).
      [`--mantine-color-${name}-light-color`]: readable(shades(p, 9, true), [p[1], p[2]]),
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
  // A refused field's message and its typed text are drawn in the error colour: red that reads.
  light['--mantine-color-error'] = light['--mantine-color-red-text']!;
  darkVars['--mantine-color-error'] = darkVars['--mantine-color-red-text']!;
  light['--mantine-color-anchor'] = light[`--mantine-color-${theme.primaryColor}-text`]!;
  darkVars['--mantine-color-anchor'] = darkVars[`--mantine-color-${theme.primaryColor}-text`]!;
  return { variables: {}, light, dark: darkVars };
};
