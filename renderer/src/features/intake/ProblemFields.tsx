/** What happened: subject, description, type, priority (with what counts as an emergency), product, channel. */
import { Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  channels,
  priorities,
  products,
  ticketTypes,
  type Channel,
  type Priority,
  type Product,
  type TicketType,
} from '#shared/vocabulary/enums.ts';
import { priorityColor } from '../../services/theme.ts';
import { useIntakeDraft } from './intakeDraft.ts';
import type { IntakeErrors } from './intakeValidation.ts';

interface Props {
  message(field: keyof IntakeErrors): string | undefined;
  subjectRef: RefObject<HTMLInputElement | null>;
}

export function ProblemFields({ message, subjectRef }: Props) {
  const { t } = useTranslation();
  const draft = useIntakeDraft((s) => s.draft);
  const { patch } = useIntakeDraft.getState();
  return (
    <Stack gap="xs">
      <TextInput
        ref={subjectRef}
        label={t('intake.field.subject')}
        placeholder={t('intake.placeholder.subject')}
        value={draft.subject}
        onChange={(e) => patch({ subject: e.currentTarget.value })}
        error={message('subject')}
        withAsterisk
        data-testid="intake-subject"
      />
      <Textarea
        label={t('intake.field.description')}
        placeholder={t('intake.placeholder.description')}
        value={draft.description}
        onChange={(e) => patch({ description: e.currentTarget.value })}
        error={message('description')}
        autosize
        minRows={3}
        maxRows={8}
        data-testid="intake-description"
      />
      <Stack gap={2}>
        <Text size="xs" fw={500}>
          {t('intake.field.type')}
        </Text>
        <SegmentedControl
          size="xs"
          fullWidth
          value={draft.type}
          onChange={(v) => patch({ type: v as TicketType })}
          data={ticketTypes.map((type) => ({ value: type, label: t(`common.type.${type}`) }))}
          data-testid="intake-type"
        />
      </Stack>
      <Radio.Group
        size="xs"
        label={t('intake.field.priority')}
        value={draft.priority}
        onChange={(v) => patch({ priority: v as Priority })}
        data-testid="intake-priority"
      >
        <Stack gap={6} mt={4}>
          {priorities.map((p) => (
            <Radio
              key={p}
              value={p}
              size="xs"
              color={priorityColor[p]}
              label={t(`common.priority.${p}`)}
              description={t(`common.priorityHint.${p}`)}
              data-testid={`intake-priority-${p}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={2} spacing="xs">
        <Select
          label={t('intake.field.product')}
          placeholder={t('intake.placeholder.product')}
          data={products.map((p) => ({ value: p, label: t(`common.product.${p}`) }))}
          value={draft.product}
          onChange={(v) => patch({ product: (v as Product | null) ?? null })}
          clearable
          allowDeselect
          data-testid="intake-product"
        />
        <Select
          label={t('intake.field.channel')}
          data={channels.map((c) => ({ value: c, label: t(`common.channel.${c}`) }))}
          value={draft.channel}
          onChange={(v) => v && patch({ channel: v as Channel })}
          allowDeselect={false}
          data-testid="intake-channel"
        />
      </SimpleGrid>
    </Stack>
  );
}
