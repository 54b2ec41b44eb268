import { expect, test } from './fixtures';

const LESSON = '/courses/kubernetes/nodeport-loadbalancer';

test('lesson tabs switch with the keyboard; code blocks are highlighted and still copy the raw text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(LESSON);
  const tablist = page.getByRole('tablist').filter({ has: page.getByRole('tab', { name: 'kubectl 명령' }) });
  const first = tablist.getByRole('tab', { name: 'kubectl 명령' });
  const second = tablist.getByRole('tab', { name: 'YAML 매니페스트' });
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'kubectl 명령' })).toContainText('kubectl expose deployment nginx');
  await expect(page.getByRole('tabpanel', { name: 'YAML 매니페스트' })).toBeHidden();

  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const yamlPanel = page.getByRole('tabpanel', { name: 'YAML 매니페스트' });
  await expect(yamlPanel).toContainText('nodePort: 31045');
  await page.keyboard.press('ArrowRight'); // wraps around
  await expect(first).toBeFocused();
  await page.keyboard.press('End');
  await expect(second).toHaveAttribute('aria-selected', 'true');

  // Shiki's tokens were rendered on the server with colours for both schemes.
  await expect(yamlPanel.locator('pre code span[style*="--shiki-light"]').first()).toBeVisible();
  const color = await yamlPanel.locator('pre code span[style*="--shiki-light"]').first().evaluate((el) => getComputedStyle(el).color);
  expect(color).not.toBe(await yamlPanel.locator('pre').evaluate((el) => getComputedStyle(el).color));
  // "복사" copies the source text, not the markup.
  await yamlPanel.getByRole('button', { name: '코드 복사' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^apiVersion: v1\nkind: Service\n[\s\S]*  type: NodePort$/);
});
