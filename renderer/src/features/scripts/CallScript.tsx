/**
 * The script of a call, in the call log: picked like a reply script (phone text first), filled in
 * for the ticket and shown large to be read aloud while the client is on the line. The logged call
 * records which script it followed, so the script's usage counts it.
 */
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMessage2, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '#shared/schema/index.ts';
import type { ContactMode } from '#shared/domain/workflow.ts';
import { ScriptPicker } from './ScriptPicker.tsx';

export interface ChosenCallScript {
  templateId: string;
  text: string;
}

export function CallScript({
  ticket,
  mode,
  value,
  onChange,
}: {
  ticket: Ticket;
  mode: ContactMode;
  value: ChosenCallScript | null;
  onChange(value: ChosenCallScript | null): void;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const call = mode === 'call';
  return (
    <Stack gap={4}>
      {value && (
        <Paper withBorder p="sm" bg={call ? 'var(--mantine-color-blue-light)' : undefined}>
          <Text
            size={call ? 'xl' : 'sm'}
            lh={call ? 1.5 : undefined}
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            data-testid="call-script"
            data-template-id={value.templateId}
          >
            {value.text}
          </Text>
        </Paper>
      )}
      <Group gap={6}>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconMessage2 size={14} />}
          onClick={() => setPicking(true)}
          data-testid="call-script-open"
        >
          {t(value ? 'scripts.call.change' : 'scripts.call.open')}
        </Button>
        {value && (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} />}
            onClick={() => onChange(null)}
            data-testid="call-script-clear"
          >
            {t('scripts.call.clear')}
          </Button>
        )}
      </Group>
      <ScriptPicker
        opened={picking}
        onClose={() => setPicking(false)}
        ticket={ticket}
        channel={call ? 'phone' : ticket.channel}
        onInsert={(text, templateId) => {
          onChange({ templateId, text });
          setPicking(false);
        }}
      />
    </Stack>
  );
}
