/**
 * The queue's cells take their colours from data attributes matched by QueueCells.module.css (no
 * custom properties set inline per cell, see QueueCells.tsx); the theme's stageColor and
 * priorityColor stay the source of truth, so this checks the stylesheet says the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priorityColor, stageColor } from '../../../../../renderer/src/services/theme.ts';

const css = readFileSync(new URL('../../../../../renderer/src/features/queue/QueueCells.module.css', import.meta.url), 'utf8');

/** The declarations of the first rule whose selector list holds `selector`. */
function declarationsOf(selector: string): string {
  const at = css.indexOf(selector);
  expect(at, `a rule for ${selector}`).toBeGreaterThanOrEqual(0);
  return css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
}

describe('queue cell colours', () => {
  it('each SLA stage has the theme colour (met is dimmed)', () => {
    for (const [stage, color] of Object.entries(stageColor)) {
      const body = declarationsOf(`.slaText[data-stage='${stage}'] {`);
      expect(body).toContain(stage === 'met' ? 'var(--mantine-color-dimmed)' : `var(--mantine-color-${color}-text)`);
    }
  });

  it('each stage icon (breached, critical, paused: the shape beside the colour) has its stage colour', () => {
    for (const stage of ['breached', 'critical', 'paused'] as const) {
      expect(declarationsOf(`.slaIcon[data-stage='${stage}'] {`)).toContain(`var(--mantine-color-${stageColor[stage]}-text)`);
    }
  });

  it('each priority badge has the theme colour', () => {
    for (const [priority, color] of Object.entries(priorityColor)) {
      const body = declarationsOf(`.badgeCircle[data-priority='${priority}'] {`);
      expect(body).toContain(
        priority === 'emergency' ? `var(--mantine-color-${color}-filled)` : `var(--mantine-color-${color}-light)`,
      );
    }
  });

  it('no colour comes from a custom property set on the cell', () => {
    expect(css).not.toMatch(/var\(--cell-/);
  });
});
