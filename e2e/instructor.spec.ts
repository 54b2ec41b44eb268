import { expect, test } from './fixtures';
import { E2E_INSTRUCTOR } from './support/instructor';

const LESSON = '/courses/kubernetes/statefulset-intro';

test('an instructor creates a class, a learner joins with the code, the instructor sees how it is doing', async ({ page, login, browser }) => {
  // The instructor: an e-mail listed in KUBELAB_INSTRUCTORS (playwright.config.ts) gets the role at sign-up.
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await teacher.goto('/signup');
  await teacher.getByLabel('이름 (선택)').fill('김강사');
  await teacher.getByLabel('이메일').fill(E2E_INSTRUCTOR);
  await teacher.getByLabel('비밀번호', { exact: true }).fill('teacher pass 42');
  await teacher.getByLabel('비밀번호 확인').fill('teacher pass 42');
  await teacher.getByRole('button', { name: '회원가입' }).click();
  await expect(teacher).toHaveURL(/\/dashboard/);
  await teacher.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '강사' }).click();
  await expect(teacher.getByRole('heading', { name: '강사 페이지' })).toBeVisible();

  // Form validation in Korean, then a class with a join code.
  await teacher.getByRole('button', { name: '클래스 만들기' }).click();
  await expect(teacher.getByText('클래스 이름을 입력해 주세요.')).toBeVisible();
  await teacher.getByLabel('클래스 이름').fill('쿠버네티스 입문 1반');
  await teacher.getByRole('button', { name: '클래스 만들기' }).click();
  await expect(teacher.getByRole('status')).toContainText('클래스를 만들었습니다');
  const row = teacher.getByRole('row', { name: /쿠버네티스 입문 1반/ });
  const code = (await row.locator('code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  const classHref = await row.getByRole('link').getAttribute('href');

  // The learner (logged in by the fixture) joins from the dashboard; a wrong code is explained.
  void login;
  await page.goto('/dashboard');
  await expect(page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '강사' })).toHaveCount(0);
  await page.getByLabel('참여 코드').fill('ABC');
  await page.getByRole('button', { name: '클래스 참여' }).click();
  await expect(page.getByText('참여 코드는 영문과 숫자 8자리입니다', { exact: false })).toBeVisible();
  await page.getByLabel('참여 코드').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await page.getByRole('button', { name: '클래스 참여' }).click();
  await expect(page.getByRole('status').filter({ hasText: '클래스에 참여했습니다' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '쿠버네티스 입문 1반' })).toContainText('김강사');

  // Some activity: a hint, then a check that fails (nothing done yet).
  await page.goto(LESSON);
  const exercise = page.getByRole('region', { name: /web이라는 이름의 파드 실행하기/ });
  await exercise.getByRole('button', { name: '힌트 보기 (1/3)' }).click();
  await expect(exercise.getByRole('list', { name: '힌트' }).getByRole('listitem')).toHaveCount(1);
  await exercise.getByRole('button', { name: '확인', exact: true }).click();
  await expect(exercise.getByRole('status').filter({ hasText: '아직 통과하지 못했습니다' })).toBeVisible();

  // The learner's dashboard shows the attempt beside the help taken.
  await page.goto('/dashboard');
  const activity = page.getByRole('region', { name: '실습별 기록' }).getByRole('row', { name: /web이라는 이름의 파드 실행하기/ });
  await expect(activity).toContainText('미통과');
  await expect(activity).toContainText('1회');
  await expect(activity).toContainText('1개 열람');

  // Only the class's instructor sees the class: the learner gets 404s.
  for (const href of ['/instructor', classHref!]) {
    const res = await page.goto(href);
    expect(res?.status(), href).toBe(404);
    await expect(page.getByRole('heading', { name: '페이지를 찾을 수 없습니다' })).toBeVisible();
  }

  await teacher.goto(classHref!);
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('쿠버네티스 입문 1반');
  const member = teacher.getByRole('region', { name: '학습자' }).getByRole('row', { name: /테스트 학습자/ });
  await expect(member).toContainText(login.email);
  await expect(member.getByRole('cell').nth(2)).toHaveText('1 (0)'); // attempts (passed)
  await expect(member.getByRole('cell').nth(3)).toHaveText('1'); // hints
  const stats = teacher.getByRole('region', { name: '실습별 현황' }).getByRole('row', { name: /web이라는 이름의 파드 실행하기/ });
  await expect(stats).toContainText('0 / 1명');
  await expect(stats).toContainText('default 네임스페이스에 web 파드가 있다 (1회)');

  // The instructor can take a learner out, then delete the class.
  await member.getByRole('button', { name: /내보내기/ }).click();
  await expect(teacher.getByText('아직 참여한 학습자가 없습니다', { exact: false })).toBeVisible();
  await teacher.getByText('클래스 삭제', { exact: true }).click();
  await teacher.getByRole('button', { name: '쿠버네티스 입문 1반 삭제' }).click();
  await expect(teacher).toHaveURL(/\/instructor$/);
  await expect(teacher.getByText('아직 만든 클래스가 없습니다.')).toBeVisible();
  expect((await teacher.goto(classHref!))?.status()).toBe(404);
  await page.goto('/dashboard');
  await expect(page.getByRole('listitem').filter({ hasText: '쿠버네티스 입문 1반' })).toHaveCount(0);
  await teacherContext.close();
});
