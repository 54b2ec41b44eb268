import { expect, terminalText, test, typeCommand } from './fixtures';

const LESSON = '/courses/kubernetes/statefulset-intro';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: x\n    image: nginx\n';

test('the editor pane shares the home directory with the shell', async ({ page, login }) => {
  void login;
  await page.goto(LESSON);
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await expect.poll(() => terminalText(page)).toContain('root@k8s-master:~#');

  // New file in the editor, typed in, saved with Ctrl-S.
  await page.getByRole('tab', { name: '편집기' }).click();
  const editor = page.getByTestId('editor');
  await editor.getByRole('button', { name: '새 파일' }).click();
  await editor.getByRole('textbox', { name: '새 파일 이름' }).fill('pod.yaml');
  await editor.getByRole('button', { name: '만들기' }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.insertText(POD);
  await expect(editor.getByRole('tab', { name: /pod\.yaml/ })).toContainText('●');
  await expect(page.getByRole('tab', { name: /편집기/ })).toContainText('●');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-notice')).toHaveText('저장했습니다: ~/pod.yaml');
  await expect(editor.getByRole('tab', { name: /pod\.yaml/ })).not.toContainText('●');
  await expect(page.getByTestId('editor-files')).toContainText('pod.yaml');

  // A YAML syntax error is marked (and saving still works: kubectl reports it).
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('  bad: [\n');
  await expect(page.locator('.cm-lint-marker-error').first()).toBeVisible();
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(0);
  await expect(editor.getByRole('tab', { name: /pod\.yaml/ })).not.toContainText('●');

  // The shell sees what was saved.
  await page.getByRole('tab', { name: '터미널' }).click();
  await typeCommand(page, 'kubectl apply -f pod.yaml');
  await expect.poll(() => terminalText(page)).toContain('pod/x created');

  // A file made by a shell command appears in the editor's list; vi opens it in the editor.
  await typeCommand(page, 'echo hi > a.txt');
  await page.getByRole('tab', { name: '편집기' }).click();
  await expect(page.getByTestId('editor-files')).toContainText('a.txt');
  await page.getByRole('tab', { name: '터미널' }).click();
  await typeCommand(page, 'vi a.txt');
  await expect(page.getByRole('tab', { name: '편집기' })).toHaveAttribute('aria-selected', 'true');
  await expect(editor.getByRole('tab', { name: /a\.txt/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.cm-content')).toHaveText('hi');

  // The open tab follows changes made in the terminal.
  await page.getByRole('tab', { name: '터미널' }).click();
  await typeCommand(page, 'echo bye > a.txt');
  await expect.poll(() => terminalText(page)).toContain('echo bye > a.txt');
  await page.getByRole('tab', { name: '편집기' }).click();
  await expect(page.locator('.cm-content')).toHaveText('bye');

  // Unsaved edits are not overwritten: a change from the terminal raises a conflict notice.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(' mine');
  await page.getByRole('tab', { name: '터미널' }).click();
  await typeCommand(page, 'echo theirs > a.txt');
  await page.getByRole('tab', { name: /편집기/ }).click();
  await expect(editor.getByRole('alert')).toContainText('이 파일이 터미널에서 바뀌었습니다');
  await expect(page.locator('.cm-content')).toHaveText('bye mine');
  await editor.getByRole('button', { name: '바뀐 내용 불러오기' }).click();
  await expect(page.locator('.cm-content')).toHaveText('theirs');
  await expect(editor.getByRole('alert')).toHaveCount(0);

  // A lesson's YAML block opens as a new file named after metadata.name.
  await page.locator('[data-language="yaml"]').filter({ hasText: 'name: stateful-db' }).getByRole('button', { name: 'YAML을 편집기에서 열기' }).click();
  await expect(editor.getByRole('tab', { name: /stateful-db\.yaml/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.cm-content')).toContainText('kind: StatefulSet');
  await editor.getByRole('button', { name: '터미널에서 적용' }).click();
  await expect(page.getByRole('tab', { name: '터미널' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => terminalText(page)).toContain('statefulset.apps/stateful-db created');
  await page.getByRole('tab', { name: '편집기' }).click();
  await expect(page.getByTestId('editor-files')).toContainText('stateful-db.yaml');

  // Saved files survive a reload (persisted with the lab).
  await page.reload();
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await typeCommand(page, 'cat pod.yaml');
  await expect.poll(() => terminalText(page)).toContain('image: nginx');
});
