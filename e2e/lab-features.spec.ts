import { expect, terminalText, test, typeCommand } from './fixtures';

const LESSON = '/courses/kubernetes/statefulset-intro';

test('run a code block in the terminal, open a hint, solve for me, see live status pass, reset the lab', async ({ page, login }) => {
  void login;
  await page.goto(LESSON);
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await expect.poll(() => terminalText(page)).toContain('root@k8s-master:~#');

  // "터미널에서 실행" on the lesson's `kubectl get pods` block.
  await page.getByRole('button', { name: '코드를 터미널에서 실행' }).first().click();
  await expect.poll(() => terminalText(page)).toContain('No resources found in default namespace.');

  // Hints open one at a time, and stay open after a reload (they are recorded).
  const exercise = page.getByRole('region', { name: /web이라는 이름의 파드 실행하기/ });
  await exercise.getByRole('button', { name: '힌트 보기 (1/3)' }).click();
  await expect(exercise.getByRole('list', { name: '힌트' }).getByRole('listitem')).toHaveCount(1);
  await expect(exercise.getByRole('button', { name: '힌트 보기 (2/3)' })).toBeVisible();
  await page.reload();
  await expect(exercise.getByRole('list', { name: '힌트' })).toContainText('kubectl run');
  await expect(exercise.getByRole('button', { name: '힌트 보기 (2/3)' })).toBeVisible();
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');

  // "정답 보기" shows the reference solution; "대신 풀어 주기" types it into the terminal.
  await exercise.getByRole('button', { name: '정답 보기' }).click();
  await expect(exercise.getByText('kubectl run web --image=nginx')).toBeVisible();
  await exercise.getByRole('button', { name: '대신 풀어 주기' }).click();
  await expect.poll(() => terminalText(page)).toContain('pod/web created');

  // Live status turns green on its own once the pod is Ready; only "확인" records an attempt.
  await expect(exercise.getByText('모든 과제가 실시간 검사를 통과했습니다', { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(exercise.locator('[data-result="pass"]')).toHaveCount(2);

  // "실습 초기화" asks first, then puts the lab back to its starting state: the pod is gone.
  await page.getByRole('button', { name: '실습 초기화' }).click();
  await page.getByRole('group').getByRole('button', { name: '초기화' }).click();
  await expect.poll(() => terminalText(page)).toContain('실습 환경을 처음 상태로 되돌렸습니다.');
  await expect(page.getByText('실습 환경을 처음 상태로 되돌렸습니다.').first()).toBeVisible();
  // Fresh live status after the reset: no task passes any more.
  await expect(exercise.locator('[data-result="pass"]')).toHaveCount(0);
  await typeCommand(page, 'kubectl get pods');
  await expect.poll(() => terminalText(page)).toContain('No resources found in default namespace.');
  await page.reload();
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await typeCommand(page, 'kubectl get pods');
  await expect.poll(() => terminalText(page)).toContain('No resources found in default namespace.');
});

test('progress: the home and course pages show lessons done and continue where the learner left off', async ({ page, login }) => {
  void login;
  await page.goto(LESSON);
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await page.goto('/');
  const resume = page.getByRole('link', { name: /이어서 학습하기/ });
  await expect(resume).toHaveAttribute('href', LESSON);
  await expect(page.getByText(/0\/\d+ 레슨 완료/).first()).toBeVisible();
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await page.goto('/courses/kubernetes');
  await expect(page.getByRole('link', { name: /이어서 학습하기: StatefulSet/ })).toHaveAttribute('href', LESSON);
});

test('fast-forward: "+5분" moves the lab\'s simulated clock so a 4-minute Job finishes at once', async ({ page, login }) => {
  void login;
  await page.goto(LESSON);
  await expect(page.getByTestId('terminal-status')).toHaveText('연결됨');
  await typeCommand(page, 'kubectl create job slow --image=busybox -- sleep 240');
  await expect.poll(() => terminalText(page)).toContain('job.batch/slow created');
  await page.getByRole('group', { name: '시뮬레이션 시간 빨리 감기' }).getByRole('button', { name: '+5분' }).click();
  await expect.poll(() => terminalText(page)).toContain('[시뮬레이션 시간 5분 경과]');
  await typeCommand(page, 'kubectl get job slow -o jsonpath={.status.succeeded}; echo " succeeded"');
  await expect.poll(() => terminalText(page)).toContain('1 succeeded');
});
