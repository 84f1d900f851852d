/** What the admin's panels share: a secret shown once, a confirmed action, a failure in words. */
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A new password or key: shown here once; the endpoint keeps only its hash. */
export function SecretNotice({ label, secret, onClose }: { label: string; secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" data-testid="admin-secret" role="status">
      <Stack gap="xs">
        <Text size="sm">{label}</Text>
        <Code block data-testid="admin-secret-value">
          {secret}
        </Code>
        <Group gap="xs">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('admin.copied') : t('admin.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onClose} data-testid="admin-secret-close">
            {t('admin.close')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** A button whose action waits for a second, explicit confirmation beside it (a question in words). */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  testId,
  color,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  testId: string;
  color?: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button size="xs" variant="default" color={color} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </Button>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={question}>
      <Text size="xs">{question}</Text>
      <Button
        size="xs"
        color={color ?? 'blue'}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={`${testId}-confirm`}
      >
        {t('admin.confirm')}
      </Button>
      <Button size="xs" variant="default" onClick={() => setAsking(false)}>
        {t('admin.cancel')}
      </Button>
    </Group>
  );
}

export function Failure({ message }: { message: string | null }): ReactNode {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="red" role="alert" data-testid="admin-error">
      {t('admin.failed', { message })}
    </Alert>
  );
}
