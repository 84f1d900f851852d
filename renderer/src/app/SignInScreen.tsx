/** Sign-in: endpoint URL, login, password. A failure keeps what was typed and says what to do. */
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../state/settingsStore.ts';
import { useWorkspaceStore, type SignInFailure } from '../services/session/workspaceStore.ts';
import { useHost } from '../services/hostContext.ts';

export function SignInForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const settings = useSettingsStore((s) => s.settings);
  const session = useWorkspaceStore((s) => s.session);
  const [endpoint, setEndpoint] = useState(session?.endpointUrl ?? settings.endpointUrl);
  const [login, setLogin] = useState(session?.agent.login ?? settings.lastLogin);
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!endpoint.trim() || !login.trim() || !password) return;
    setBusy(true);
    setFailure(null);
    const result = await useWorkspaceStore.getState().signIn(host, endpoint, login, password);
    setBusy(false);
    if (result) {
      setFailure(result);
      return;
    }
    await useSettingsStore.getState().update(host, { endpointUrl: endpoint.trim() });
    onDone?.();
  };
  const required = (v: string) => (touched && !v.trim() ? t('shell.signin.required') : null);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('shell.signin.endpoint')}
          description={t('shell.signin.endpointHint')}
          value={endpoint}
          onChange={(e) => setEndpoint(e.currentTarget.value)}
          error={required(endpoint)}
          data-testid="signin-endpoint"
          autoComplete="url"
        />
        <TextInput
          label={t('shell.signin.login')}
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
          error={required(login)}
          data-testid="signin-login"
          autoComplete="username"
          autoFocus={Boolean(endpoint)}
        />
        <PasswordInput
          label={t('shell.signin.password')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={required(password)}
          data-testid="signin-password"
          autoComplete="current-password"
        />
        {failure && (
          <Alert color="red" data-testid="signin-error">
            {t(`shell.signin.errors.${failure.code}`, { detail: failure.detail })}
          </Alert>
        )}
        <Button type="submit" loading={busy} data-testid="signin-submit" size="sm">
          {t('shell.signin.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function SignInScreen() {
  const { t } = useTranslation();
  return (
    <Center h="100%" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <Stack gap="md">
          <div>
            <Title order={1} size="h3">
              {t('shell.signin.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('shell.signin.subtitle')}
            </Text>
          </div>
          <SignInForm />
        </Stack>
      </Paper>
    </Center>
  );
}
