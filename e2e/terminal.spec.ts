import { expect, terminalText, test, typeCommand } from './fixtures';

const LESSON = '/courses/kubernetes/statefulset-intro';

test('a logged-in learner edits lines, recalls history, interrupts and pastes a heredoc', async ({ page, login }) => {
  await page.goto('/dashboard');
  expect(login.email).toContain('@');
  await expect(page.locator('body')).toContainText('테스트 학습자님의 학습 기록');

  await page.goto(LESSON);
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');

  // Line editing: type, move left, insert, then Enter.
  await page.getByTestId('terminal').click();
  await page.keyboard.type('kubectl get node');
  await page.keyboard.press('End');
  await page.keyboard.type('s');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page)).toMatch(/k8s-node2\s+Ready/);

  // History: the arrow brings the last command back.
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => terminalText(page)).toMatch(/# kubectl get nodes\s*$/m);
  await page.keyboard.press('Control+C');

  // Ctrl-L clears the screen.
  await page.keyboard.press('Control+L');
  await expect.poll(async () => (await terminalText(page)).includes('k8s-node2')).toBe(false);

  // A multi-line paste of a heredoc is one command.
  const manifest = ['cat <<EOF | kubectl apply -f -', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: pasted', 'spec:', '  containers:', '  - name: app', '    image: nginx', 'EOF'].join('\n');
  await page.evaluate(async (text) => {
    const area = document.querySelector('.xterm-helper-textarea') as HTMLTextAreaElement;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, manifest + '\n');
  await expect.poll(() => terminalText(page)).toContain('pod/pasted created');

  await typeCommand(page, 'kubectl get pod pasted -o name');
  await expect.poll(() => terminalText(page)).toContain('pod/pasted');
});

test('Tab completes a kubectl resource type', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await page.getByTestId('terminal').click();
  // Like bash + kubectl completion: `po` extends to the common prefix `pod`, a second Tab lists.
  await page.keyboard.type('kubectl get po');
  await page.keyboard.press('Tab');
  await expect.poll(() => terminalText(page)).toMatch(/# kubectl get pod\s*$/m);
  await page.keyboard.press('Tab');
  await expect.poll(() => terminalText(page)).toMatch(/poddisruptionbudgets\s+pods/);
  await page.keyboard.type('s');
  await expect.poll(() => terminalText(page)).toMatch(/# kubectl get pods\s*$/m);
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page)).toMatch(/No resources found in default namespace\.|NAME\s+READY/);
});
