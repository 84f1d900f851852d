/** The filled-in text of a script as the client will read it (or the agent will say it), with what is missing. */
import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilledScript } from '#shared/templates/index.ts';

export function ScriptPreview({ filled, testId = 'script-preview' }: { filled: FilledScript; testId?: string }) {
  const { t } = useTranslation();
  const phone = filled.variant === 'phone';
  return (
    <Stack gap={6}>
      <Paper withBorder p="sm" bg={phone ? 'var(--mantine-color-blue-light)' : undefined}>
        <Text
          size={phone ? 'lg' : 'sm'}
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          data-testid={testId}
          data-variant={filled.variant}
        >
          {filled.text}
        </Text>
      </Paper>
      {filled.missing.length > 0 && (
        <Alert color="yellow" p={6} data-testid="script-missing">
          <Text size="xs">{t('scripts.preview.missing', { names: filled.missing.map((n) => `{{${n}}}`).join(', ') })}</Text>
        </Alert>
      )}
      {filled.unknown.length > 0 && (
        <Alert color="orange" p={6} data-testid="script-unknown">
          <Text size="xs">{t('scripts.preview.unknown', { names: filled.unknown.map((n) => `{{${n}}}`).join(', ') })}</Text>
        </Alert>
      )}
    </Stack>
  );
}

export function VariantBadge({ variant }: { variant: 'phone' | 'written' }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge size="sm" variant="light" color={variant === 'phone' ? 'blue' : 'gray'} data-testid="script-variant">
        {t(`scripts.picker.variant.${variant}`)}
      </Badge>
    </Group>
  );
}
