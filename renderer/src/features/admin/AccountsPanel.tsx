/**
 * Accounts: add (the password given or generated, shown once), disable and enable, reset a
 * password, change a role. The form checks with the endpoint's own rules as the admin types and
 * keeps what was typed when something is refused.
 */
import { Badge, Button, Group, NativeSelect, PasswordInput, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminAccount } from '#shared/adminProtocol.ts';
import { accountInputProblem, type AccountField } from '#shared/domain/accountRules.ts';
import { roles, type Role } from '#shared/vocabulary/enums.ts';
import type { AdminApi } from './adminApi.ts';
import { AdminListPanel } from './AdminListPanel.tsx';
import { ConfirmButton, SecretNotice } from './AdminNotices.tsx';
import { useAdminChanges, useAdminList } from './useAdminList.ts';

const emptyForm = { login: '', name: '', role: 'agent' as Role, password: '' };

export function AccountsPanel({ admin, myId }: { admin: AdminApi; myId: string }) {
  const { t } = useTranslation();
  const list = useAdminList(useCallback(() => admin.accounts(), [admin]));
  const changes = useAdminChanges(list);
  const [form, setForm] = useState(emptyForm);
  const [touched, setTouched] = useState(false);
  const [secret, setSecret] = useState<{ login: string; password: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const problem: AccountField | null = accountInputProblem({ ...form, password: form.password || undefined });
  const fieldError = (field: AccountField) => (touched && problem === field ? t(`admin.accounts.errors.${field}`) : null);

  const run = <T,>(action: () => Promise<T>, after?: (value: T) => void) => {
    setNotice(null);
    return changes.run(action, after);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem) return;
    void run(
      () => admin.addAccount({ ...form, ...(form.password ? {} : { password: undefined }) }),
      (created) => {
        setForm(emptyForm);
        setTouched(false);
        setNotice(t('admin.accounts.added', { login: created.account.login }));
        setSecret({ login: created.account.login, password: created.password });
      },
    );
  };

  const roleData = roles.map((r) => ({ value: r, label: t(`common.role.${r}`) }));

  return (
    <AdminListPanel
      testId="admin-accounts"
      list={list}
      error={changes.error}
      emptyText={t('admin.accounts.none')}
      tableTestId="admin-account-table"
      highlightOnHover
      columns={[
        t('admin.accounts.login'),
        t('admin.accounts.name'),
        t('admin.accounts.role'),
        t('admin.accounts.state'),
        t('admin.accounts.actions'),
      ]}
      row={(a: AdminAccount) => {
        const me = a.id === myId;
        return (
          <Table.Tr key={a.id} data-testid="admin-account-row" data-login={a.login}>
            <Table.Td>
              {a.login}
              {me && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({t('admin.accounts.you')})
                </Text>
              )}
            </Table.Td>
            <Table.Td>{a.name}</Table.Td>
            <Table.Td>
              <NativeSelect
                size="xs"
                aria-label={t('admin.accounts.changeRole', { login: a.login })}
                value={a.role}
                disabled={me}
                data={roleData}
                onChange={(e) => {
                  const role = e.currentTarget.value as Role;
                  void run(
                    () => admin.changeRole(a.login, role),
                    () => setNotice(t('admin.accounts.roleChanged', { login: a.login })),
                  );
                }}
                data-testid="admin-account-role-select"
              />
            </Table.Td>
            <Table.Td>
              <Badge color={a.active ? 'teal' : 'gray'} variant="light">
                {a.active ? t('admin.accounts.active') : t('admin.accounts.disabled')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                {a.active ? (
                  !me && (
                    <ConfirmButton
                      label={t('admin.accounts.disable')}
                      question={t('admin.accounts.disableConfirm', { login: a.login })}
                      color="red"
                      onConfirm={() => void run(() => admin.setEnabled(a.login, false))}
                      testId="admin-account-disable"
                    />
                  )
                ) : (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void run(() => admin.setEnabled(a.login, true))}
                    data-testid="admin-account-enable"
                  >
                    {t('admin.accounts.enable')}
                  </Button>
                )}
                <ConfirmButton
                  label={t('admin.accounts.resetPassword')}
                  question={t('admin.accounts.resetConfirm', { login: a.login })}
                  onConfirm={() =>
                    void run(
                      () => admin.resetPassword(a.login),
                      (r) => setSecret({ login: a.login, password: r.password }),
                    )
                  }
                  testId="admin-account-reset"
                />
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      }}
    >
      {notice && (
        <Text size="sm" role="status" data-testid="admin-notice">
          {notice}
        </Text>
      )}
      {secret && (
        <SecretNotice
          label={t('admin.accounts.newPassword', { login: secret.login })}
          secret={secret.password}
          onClose={() => setSecret(null)}
        />
      )}
      <form onSubmit={submit} noValidate data-testid="admin-account-form" aria-labelledby="admin-account-form-title">
        <Title order={4} size="h5" id="admin-account-form-title" mb="xs">
          {t('admin.accounts.add')}
        </Title>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('admin.accounts.login')}
            value={form.login}
            onChange={(e) => setForm({ ...form, login: e.currentTarget.value })}
            error={fieldError('login')}
            autoComplete="off"
            data-testid="admin-account-login"
          />
          <TextInput
            label={t('admin.accounts.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={fieldError('name')}
            data-testid="admin-account-name"
          />
          <NativeSelect
            label={t('admin.accounts.role')}
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}
            data={roleData}
            data-testid="admin-account-role"
          />
          <PasswordInput
            label={t('admin.accounts.password')}
            description={t('admin.accounts.passwordHint')}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={fieldError('password')}
            autoComplete="new-password"
            data-testid="admin-account-password"
          />
          <Button type="submit" mt={24} data-testid="admin-account-submit">
            {t('admin.accounts.submit')}
          </Button>
        </Group>
      </form>
    </AdminListPanel>
  );
}
