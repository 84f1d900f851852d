import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '#shared/schema/index.ts';

const colors: Record<KbArticle['status'], string> = { draft: 'yellow', published: 'teal', archived: 'gray' };

export function KbStatusBadge({ status, size = 'sm' }: { status: KbArticle['status']; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" size={size} data-testid="kb-status" data-status={status}>
      {t(`kb.status.${status}`)}
    </Badge>
  );
}
