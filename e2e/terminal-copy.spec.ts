import { expect, terminalText, test, typeCommand } from './fixtures';

const LESSON = '/courses/kubernetes/statefulset-intro';

test('selecting terminal text copies it and says 복사됨; paste still types', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(LESSON);
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await typeCommand(page, 'echo copyme42');
  await expect.poll(() => terminalText(page)).toMatch(/^copyme42\s*$/m);

  // Double-click selects the word in the output line (xterm's word selection).
  const output = page.locator('.xterm-rows > div').filter({ hasText: /^copyme42\s*$/ }).first();
  const box = (await output.boundingBox())!;
  await page.mouse.dblclick(box.x + 20, box.y + box.height / 2);
  await expect(page.getByTestId('terminal-copied')).toHaveText('복사됨');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('copyme42');
  await expect(page.getByTestId('terminal-copied')).toHaveText('', { timeout: 5_000 });

  // Paste is untouched: what the clipboard holds goes in as input (a paste event, as the
  // browser fires for Ctrl+V; headless Chromium does not bind the shortcut itself).
  await page.getByTestId('terminal').click();
  await page.keyboard.type('echo pasted-');
  await page.evaluate(async () => {
    const data = new DataTransfer();
    data.setData('text/plain', await navigator.clipboard.readText());
    const area = document.querySelector('.xterm-helper-textarea') as HTMLTextAreaElement;
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page)).toMatch(/^pasted-copyme42\s*$/m);
});
