/** The composer's hint: what the moment calls for, and the script that says it. */
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../../services/commands.ts';
import type { SuggestedScript } from './useSuggestedScript.ts';

export function ScriptSuggestion({
  suggestion,
  shortcut,
  onOpen,
}: {
  suggestion: SuggestedScript;
  shortcut: string;
  onOpen(): void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p={6}
      bg="var(--mantine-color-teal-light)"
      data-testid="script-suggestion"
      data-situation={suggestion.situation}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <IconBulb size={16} />
          <Text size="sm" truncate>
            {t(`scripts.situation.${suggestion.situation}`)} · {t('scripts.situation.offer', { title: suggestion.script.title })}
          </Text>
        </Group>
        {/* The situation's text gives way, never the button and its key. */}
        <Button
          size="compact-sm"
          variant="light"
          color="teal"
          onClick={onOpen}
          style={{ flexShrink: 0 }}
          data-testid="script-suggestion-open"
        >
          {t('scripts.situation.use', { shortcut: shortcutLabel(shortcut) })}
        </Button>
      </Group>
    </Paper>
  );
}
