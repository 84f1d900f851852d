import type { Role } from '#shared/vocabulary/enums.ts';

export type DemoLogin = 'demo' | 'agent2' | 'head' | 'admin';

/** The demo workspace's people: the support manager first (the embedded app signs in as `demo`). */
export const demoAccounts: ReadonlyArray<{ login: DemoLogin; id: string; name: string; role: Role }> = [
  { login: 'demo', id: 'a-demo', name: 'Менеджер ТП', role: 'agent' },
  { login: 'agent2', id: 'a-agent2', name: 'Второй менеджер ТП', role: 'agent' },
  { login: 'head', id: 'a-head', name: 'Руководитель ОС', role: 'head' },
  { login: 'admin', id: 'a-admin', name: 'Администратор', role: 'admin' },
];
