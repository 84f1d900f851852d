/** The shell in a real browser against a real endpoint: Russian first, English switchable, keyboard. */
import { expect, test } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const agent: TestAccount = { login: 'ivanova', name: 'Анна Иванова', role: 'agent', password: 'пароль-для-теста-1' };
let central: CentralServer;
let app: RunningWebServer;

test.beforeAll(async () => {
  central = new CentralServer();
  central.addAccount(agent);
  await central.start();
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

test('a wrong password is refused with a message and the form keeps what was typed', async ({ page }) => {
  await page.goto(app.url);
  await page.getByTestId('signin-endpoint').fill(central.url);
  await page.getByTestId('signin-login').fill(agent.login);
  await page.getByTestId('signin-password').fill('не тот пароль');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toHaveText('Неверный логин или пароль.');
  await expect(page.getByTestId('signin-login')).toHaveValue(agent.login);
  await expect(page.getByTestId('signin-endpoint')).toHaveValue(central.url);
});

test('the shell renders in Russian with navigation, status bar and clock', async ({ page }) => {
  await signIn(page, app.url, central.url, agent);
  for (const label of ['Очередь', 'База знаний', 'Скрипты', 'Отчёты', 'Настройки']) {
    await expect(page.getByRole('navigation').getByText(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('connection-state')).toContainText('В сети');
  await expect(page.getByTestId('pending-count')).toHaveText('Все изменения отправлены');
  await expect(page.getByTestId('clock')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  await expect(page.getByTestId('agent-name')).toHaveText(agent.name);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('the production build carries a Content-Security-Policy without unsafe-eval, and runs under it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, app.url, central.url, agent);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  expect(violations).toEqual([]);
});

test('Alt+1..6 reach every section from the keyboard', async ({ page }) => {
  await signIn(page, app.url, central.url, agent);
  const sections = ['queue', 'kb', 'scripts', 'reports', 'settings', 'archive'];
  for (const [i, section] of [...sections.entries()].reverse()) {
    await page.keyboard.press(`Alt+Digit${i + 1}`);
    await expect(page.getByTestId(`nav-${section}`)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId(`section-${section}`)).toBeVisible();
  }
});

test('Ctrl+K opens the command palette, which runs a command', async ({ page }) => {
  await signIn(page, app.url, central.url, agent);
  await page.keyboard.press('Control+k');
  const input = page.getByPlaceholder('Команда или номер обращения…');
  await expect(input).toBeVisible();
  await input.fill('Настройки');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page');
  await expect(input).toBeHidden();
});

test('switching to English changes the whole shell, and it is remembered', async ({ page }) => {
  await signIn(page, app.url, central.url, agent);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-language').getByText('English').click();
  await expect(page.getByTestId('nav-queue')).toContainText('Queue');
  await expect(page.getByTestId('connection-state')).toContainText('Online');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByTestId('nav-kb')).toContainText('Knowledge base');
  await page.getByTestId('settings-language').getByText('Русский').click();
  await expect(page.getByTestId('nav-kb')).toContainText('База знаний');
});

test('the dark theme can be chosen', async ({ page }) => {
  await signIn(page, app.url, central.url, agent);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-theme').getByText('Тёмная').click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});
