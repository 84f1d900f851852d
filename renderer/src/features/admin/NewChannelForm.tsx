/**
 * A new mailbox channel: its servers and login, the connection checked before saving; the
 * password goes to the endpoint once and is cleared here (it is never shown again). What the
 * endpoint refuses is shown in its words and everything typed stays.
 */
import { Alert, Button, Checkbox, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminApi, NewChannelRequest } from './adminApi.ts';
import { attempt } from './useAdminList.ts';

const empty = {
  name: '',
  address: '',
  imapHost: '',
  imapPort: '',
  imapTls: true,
  smtpHost: '',
  smtpPort: '',
  smtpTls: true,
  user: '',
  password: '',
};

export function NewChannelForm({ admin, onAdded }: { admin: AdminApi; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<{ imap: string | null; smtp: string | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const request = (): NewChannelRequest => {
    const port = (v: string) => (v.trim() === '' ? undefined : Number(v));
    return {
      name: form.name,
      address: form.address,
      imapHost: form.imapHost,
      imapTls: form.imapTls,
      smtpHost: form.smtpHost,
      smtpTls: form.smtpTls,
      user: form.user,
      password: form.password,
      ...(port(form.imapPort) !== undefined ? { imapPort: port(form.imapPort)! } : {}),
      ...(port(form.smtpPort) !== undefined ? { smtpPort: port(form.smtpPort)! } : {}),
    };
  };
  const portProblem = [form.imapPort, form.smtpPort].some((p) => p.trim() !== '' && !/^\d{1,5}$/.test(p.trim()));

  const run = async (what: 'check' | 'add') => {
    if (portProblem) return setError(t('admin.channels.form.portError'));
    setBusy(true);
    setCheck(null);
    const result =
      what === 'check' ? await attempt(() => admin.checkChannel(request())) : await attempt(() => admin.addChannel(request()));
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    if (what === 'check') {
      setCheck(result.value as { imap: string | null; smtp: string | null });
      return;
    }
    setForm(empty);
    onAdded();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('add');
  };
  const field = (key: 'name' | 'address' | 'imapHost' | 'imapPort' | 'smtpHost' | 'smtpPort' | 'user', width = 200) => (
    <TextInput
      w={width}
      label={t(`admin.channels.form.${key}`)}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      data-testid={`admin-channel-${key}`}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="admin-channel-form-title" data-testid="admin-channel-form">
      <Stack gap="xs">
        <Title order={4} size="h5" id="admin-channel-form-title">
          {t('admin.channels.form.title')}
        </Title>
        <Group align="flex-end" gap="sm">
          {field('address', 240)}
          {field('name')}
        </Group>
        <Group align="flex-end" gap="sm">
          {field('imapHost')}
          {field('imapPort', 90)}
          <Checkbox
            label="TLS"
            checked={form.imapTls}
            onChange={(e) => setForm({ ...form, imapTls: e.currentTarget.checked })}
            aria-label={t('admin.channels.form.imapTls')}
            mb={8}
          />
          {field('smtpHost')}
          {field('smtpPort', 90)}
          <Checkbox
            label="TLS"
            checked={form.smtpTls}
            onChange={(e) => setForm({ ...form, smtpTls: e.currentTarget.checked })}
            aria-label={t('admin.channels.form.smtpTls')}
            mb={8}
          />
        </Group>
        <Group align="flex-end" gap="sm">
          {field('user', 240)}
          <PasswordInput
            w={240}
            label={t('admin.channels.form.password')}
            description={t('admin.channels.form.passwordHint')}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            autoComplete="new-password"
            data-testid="admin-channel-password"
          />
          <Button variant="default" loading={busy} onClick={() => void run('check')} data-testid="admin-channel-check">
            {t('admin.channels.form.check')}
          </Button>
          <Button type="submit" loading={busy} data-testid="admin-channel-add">
            {t('admin.channels.form.add')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" data-testid="admin-channel-error">
            {error}
          </Alert>
        )}
        {check && (
          <Stack gap={2} role="status" data-testid="admin-channel-check-result">
            <Text size="sm">IMAP: {check.imap ?? t('admin.channels.form.ok')}</Text>
            <Text size="sm">SMTP: {check.smtp ?? t('admin.channels.form.ok')}</Text>
          </Stack>
        )}
      </Stack>
    </form>
  );
}
