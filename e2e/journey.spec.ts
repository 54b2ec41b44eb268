import { expect, terminalText, test, typeCommand } from './fixtures';

const LESSON = '/courses/kubernetes/statefulset-intro';

test('sign up, run a pod in the lesson terminal, pass the check, see it on the dashboard, reload', async ({ page }) => {
  const email = `learner-${Date.now()}@example.com`;

  await page.goto('/signup');
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호', { exact: true }).fill('correct horse 42');
  await page.getByLabel('비밀번호 확인').fill('correct horse 42');
  await page.getByRole('button', { name: '회원가입' }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('StatefulSet');
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await expect.poll(() => terminalText(page)).toContain('root@k8s-master:~#');

  await typeCommand(page, 'kubectl run web --image=nginx');
  await expect.poll(() => terminalText(page)).toContain('pod/web created');

  // Pending → ContainerCreating → Running takes a few simulated (= real, here) seconds.
  await expect
    .poll(
      async () => {
        await typeCommand(page, 'clear');
        await typeCommand(page, 'kubectl get pods');
        await page.waitForTimeout(300);
        return terminalText(page);
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toMatch(/web\s+1\/1\s+Running\s+0\s+\d+s/);

  // Live status: the exercise panel re-grades on its own as the pod comes up.
  const exercise = page.getByRole('region', { name: /web이라는 이름의 파드 실행하기/ });
  await expect(exercise.getByText('실시간', { exact: true })).toBeVisible();
  await expect(exercise.locator('[data-result="pass"]')).toHaveCount(2);

  await exercise.getByRole('button', { name: '확인', exact: true }).click();
  // The Check's own result (the live banner above it also says "통과", but records nothing).
  const status = exercise.getByRole('status').filter({ hasText: '모든 과제를 통과했습니다' });
  await expect(status.first()).toBeVisible();
  await expect(exercise.getByText('모든 과제가 실시간 검사를 통과했습니다', { exact: false })).toBeHidden();

  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: '대시보드' })).toBeVisible();
  await expect(page.getByRole('table').first()).toContainText('StatefulSet');
  const attempts = page.getByRole('table').nth(1);
  await expect(attempts).toContainText('web이라는 이름의 파드 실행하기');
  await expect(attempts).toContainText('통과');

  await page.goto(LESSON);
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await typeCommand(page, 'kubectl get pods');
  await expect.poll(() => terminalText(page)).toMatch(/web\s+1\/1\s+Running\s+0\s+\d+/);
});

test('a guest can use the terminal without an account; the upgrade needs an identity', async ({ page, request }) => {
  const refused = await request.get('/api/terminal?lab=kubernetes/statefulset-intro', {
    headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
  });
  expect(refused.status()).toBe(401);

  await page.goto(LESSON);
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await typeCommand(page, 'kubectl get nodes');
  await expect.poll(() => terminalText(page)).toMatch(/k8s-master\s+Ready\s+control-plane/);
});
