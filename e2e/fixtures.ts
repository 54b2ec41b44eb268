import { test as base, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';

/** The e2e server's data folder (see playwright.config.ts). */
const DATA_DIR = path.resolve('test-results/e2e-data');

export interface LoggedInUser {
  id: string;
  email: string;
  password: string;
}

/**
 * `login`: a learner written straight into the e2e server's SQLite database, with a next-auth
 * session cookie signed by the server's own secret — no sign-up form on the way.
 */
export const test = base.extend<{ login: LoggedInUser }>({
  login: async ({ page, baseURL }, use) => {
    const user = { id: `e2e-${randomUUID()}`, email: `fixture-${Date.now()}@example.com`, password: 'fixture-password-1' };
    const db = new Database(path.join(DATA_DIR, 'kubelab.db'));
    db.prepare('INSERT INTO "User" ("id", "email", "name", "passwordHash", "isGuest", "createdAt") VALUES (?, ?, ?, ?, 0, ?)').run(
      user.id,
      user.email,
      '테스트 학습자',
      bcrypt.hashSync(user.password, 8),
      new Date().toISOString(),
    );
    db.close();
    const secret = readFileSync(path.join(DATA_DIR, 'nextauth-secret'), 'utf8').trim();
    const token = await encode({ secret, token: { sub: user.id, id: user.id, email: user.email, name: '테스트 학습자', isGuest: false } });
    await page.context().addCookies([{ name: 'next-auth.session-token', value: token, url: baseURL ?? 'http://localhost:3100', httpOnly: true, sameSite: 'Lax' }]);
    await use(user);
  },
});

export { expect } from '@playwright/test';

/** The terminal's visible text (xterm's DOM renderer), with non-breaking spaces normalised. */
export async function terminalText(page: Page): Promise<string> {
  return (await page.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ');
}

export async function typeCommand(page: Page, command: string): Promise<void> {
  await page.getByTestId('terminal').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}
