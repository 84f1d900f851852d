/** The desk's look: dense, calm, readable all day. Stage colours are shared by every countdown. */
import { createTheme, type MantineColor } from '@mantine/core';
import type { SlaStage } from '#shared/sla/index.ts';

/** The CSS variables moved to AA contrast (readableColors.ts); MantineProvider takes them with the theme. */
export { readableColorsResolver as cssVariablesResolver } from './readableColors.ts';

/** The words the theme gives Mantine's own controls (a dialog's close button), in the desk's language. */
export interface ThemeLabels {
  close: string;
}

export function deskTheme(labels: ThemeLabels) {
  return createTheme({
    primaryColor: 'indigo',
    defaultRadius: 'sm',
    fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontFamilyMonospace: '"JetBrains Mono", "SFMono-Regular", Consolas, monospace',
    fontSizes: { xs: '11px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
    spacing: { xs: '6px', sm: '10px', md: '14px', lg: '18px', xl: '24px' },
    components: {
      Button: { defaultProps: { size: 'xs' } },
      TextInput: { defaultProps: { size: 'xs' } },
      Select: { defaultProps: { size: 'xs' } },
      Textarea: { defaultProps: { size: 'xs' } },
      Tooltip: { defaultProps: { openDelay: 400, withArrow: true } },
      // A dialog's <header> would be a second banner landmark beside the desk's own.
      ModalHeader: { defaultProps: { component: 'div' } },
      ModalCloseButton: { defaultProps: { 'aria-label': labels.close } },
    },
  });
}

export const stageColor: Record<SlaStage, MantineColor> = {
  ok: 'teal',
  warning: 'yellow',
  critical: 'orange',
  breached: 'red',
  met: 'gray',
  paused: 'blue',
};

export const priorityColor = { emergency: 'red', standard: 'indigo', consultation: 'gray' } as const;
