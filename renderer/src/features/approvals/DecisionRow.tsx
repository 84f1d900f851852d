/**
 * A row of the head's approvals: what is to be decided in its cells, then the decision: approve
 * at once (with whatever fields the decision needs beside the button) or give back with a comment,
 * written in a dialog and required.
 */
import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DecisionRowProps {
  /** The test ids' stem: `<testId>-row`, `-return`, `-return-comment`, `-return-submit`, `-error`. */
  testId: string;
  /** The row's data attributes (which ticket or article it is). */
  rowData: Record<`data-${string}`, string>;
  /** The cells before the decision. */
  children: ReactNode;
  approveLabel: string;
  approveTestId: string;
  /** Fields beside the buttons that the approval reads (a development task). */
  fields?: ReactNode;
  returnLabel: string;
  returnTitle: string;
  /** What giving back does, above the comment. */
  returnHint?: string;
  size: 'xs' | 'sm';
  busy: boolean;
  error: string | null;
  onApprove: () => void;
  /** Resolves true once given back; the dialog then closes. */
  onReturn: (comment: string) => Promise<boolean>;
}

const top = { verticalAlign: 'top' } as const;

export function DecisionRow(props: DecisionRowProps) {
  const { t } = useTranslation();
  const { testId, busy, error } = props;
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const giveBack = async () => {
    if (!comment.trim()) return;
    if (await props.onReturn(comment)) setReturning(false);
  };

  return (
    <Table.Tr data-testid={`${testId}-row`} {...props.rowData}>
      {props.children}
      <Table.Td style={props.fields ? { ...top, minWidth: 280 } : top}>
        <Stack gap={6}>
          <Group gap={6} wrap="nowrap">
            {props.fields}
            <Button size={props.size} onClick={props.onApprove} loading={busy} data-testid={props.approveTestId}>
              {props.approveLabel}
            </Button>
            <Button
              size={props.size}
              variant="default"
              color="red"
              onClick={() => setReturning(true)}
              disabled={busy}
              data-testid={`${testId}-return`}
            >
              {props.returnLabel}
            </Button>
          </Group>
          {error && !returning && (
            <Alert color="red" p={6} data-testid={`${testId}-error`}>
              {error}
            </Alert>
          )}
        </Stack>
        <Modal opened={returning} onClose={() => setReturning(false)} title={props.returnTitle}>
          <Stack gap="sm">
            {props.returnHint && (
              <Text size="sm" c="dimmed">
                {props.returnHint}
              </Text>
            )}
            <Textarea
              label={t('approvals.comment')}
              withAsterisk
              autosize
              minRows={3}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              data-autofocus
              data-testid={`${testId}-return-comment`}
            />
            {error && (
              <Alert color="red" p={6}>
                {error}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setReturning(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                onClick={() => void giveBack()}
                loading={busy}
                disabled={!comment.trim()}
                data-testid={`${testId}-return-submit`}
              >
                {props.returnLabel}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Table.Td>
    </Table.Tr>
  );
}
