/** A target's verdict: colour, an icon and a word, so it never depends on colour alone. */
import { Badge } from '@mantine/core';
import { IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TargetVerdict } from '#shared/kpi/index.ts';

export function VerdictMark({ verdict }: { verdict: TargetVerdict }) {
  const { t } = useTranslation();
  if (verdict === null) {
    return (
      <Badge variant="light" color="gray" leftSection={<IconMinus size={12} />} data-verdict="none">
        {t('reports.verdict.none')}
      </Badge>
    );
  }
  const met = verdict === 'met';
  return (
    <Badge
      variant="light"
      color={met ? 'green' : 'red'}
      leftSection={met ? <IconCheck size={12} /> : <IconX size={12} />}
      data-verdict={verdict}
    >
      {t(`reports.verdict.${verdict}`)}
    </Badge>
  );
}
