/** The placeholders a script may use, each with its meaning; a click inserts it where the caret was. */
import { Code, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { placeholderNames, type PlaceholderName } from '#shared/templates/index.ts';

export function PlaceholderList({ onPick, disabled }: { onPick(name: PlaceholderName): void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid="scripts-placeholders">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {t('scripts.placeholders.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('scripts.placeholders.hint', { example: '{{? срок | Укажите срок решения}}' })}
      </Text>
      {placeholderNames.map((name) => (
        <UnstyledButton
          key={name}
          disabled={disabled}
          onClick={() => onPick(name)}
          // Keep the caret in the text field while clicking.
          onMouseDown={(e) => e.preventDefault()}
          data-testid="scripts-placeholder"
          data-name={name}
        >
          <Text size="xs">
            <Code>{`{{${name}}}`}</Code> {t(`scripts.placeholders.names.${name}`)}
          </Text>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
