import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getLabSetup, getLesson, getSolution, labFileSchema, listCourses, listLabs, setContentRoots, setMdxCacheDir } from './index';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubelab-content-'));
let n = 0;

type Files = Record<string, string>;
function makeRoot(files: Files): string {
  const root = path.join(tmp, `root-${n++}`);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

const lesson = (title: string, order: number, body = '본문') =>
  `---\ntitle: ${title}\nsummary: 요약\norder: ${order}\nestimatedMinutes: 5\nobjectives:\n  - 목표\n---\n\n${body}\n`;
const lab = `exercises:\n  - id: run-web\n    title: 실행\n    tasks:\n      - id: a\n        title: 있다\n        check: { type: objectExists, kind: Pod, name: web }\n`;

const base: Files = {
  'demo/course.yaml': 'title: 데모\ndescription: 설명\n',
  'demo/01-first/module.yaml': 'title: 첫 모듈\n',
  'demo/01-first/01-hello/lesson.mdx': lesson('안녕', 1, '# 제목\n\n<Callout>hi</Callout>'),
  'demo/01-first/01-hello/lab.yaml': lab,
  'demo/01-first/01-hello/solutions/run-web.sh': 'kubectl run web --image=nginx\n',
  'demo/01-first/02-world/lesson.mdx': lesson('세계', 2),
  'demo/02-second/module.yaml': 'title: 둘째 모듈\n',
  'demo/02-second/01-last/lesson.mdx': lesson('마지막', 1),
  'secret/course.yaml': 'title: 숨김\ndescription: e2e\nhidden: true\n',
  'secret/01-m/module.yaml': 'title: m\n',
  'secret/01-m/01-x/lesson.mdx': lesson('x', 1),
};

beforeAll(() => setMdxCacheDir(path.join(tmp, 'cache')));
afterEach(() => setContentRoots(undefined));
afterAll(() => {
  setMdxCacheDir(undefined);
  rmSync(tmp, { recursive: true, force: true });
});

describe('listCourses', () => {
  it('builds the course → module → lesson tree and hides hidden courses', async () => {
    setContentRoots([makeRoot(base)]);
    const courses = await listCourses();
    expect(courses.map((c) => c.slug)).toEqual(['demo']);
    const [demo] = courses;
    expect(demo!.lessonCount).toBe(3);
    expect(demo!.modules.map((m) => [m.slug, m.order])).toEqual([['first', 1], ['second', 2]]);
    expect(demo!.modules[0]!.lessons[0]).toMatchObject({
      slug: 'hello',
      title: '안녕',
      order: 1,
      href: '/courses/demo/hello',
      hasLab: true,
    });
    expect((await listCourses({ includeHidden: true })).map((c) => c.slug)).toEqual(['demo', 'secret']);
  });

  it('reads the real content tree', async () => {
    const courses = await listCourses();
    const k8s = courses.find((c) => c.slug === 'kubernetes');
    const statefulset = k8s?.modules.find((m) => m.slug === 'statefulset');
    expect(statefulset?.lessons[0]?.href).toBe('/courses/kubernetes/statefulset-intro');
  });
});

describe('getLesson', () => {
  it('returns compiled code, exercises, lab key and neighbours across modules', async () => {
    setContentRoots([makeRoot(base)]);
    const l = await getLesson('demo', 'world');
    expect(l).toMatchObject({ labKey: 'demo/world', title: '세계', moduleTitle: '첫 모듈', courseTitle: '데모' });
    expect(l!.prev?.href).toBe('/courses/demo/hello');
    expect(l!.next?.href).toBe('/courses/demo/last');
    expect(l!.code).toContain('return Component');
    const first = await getLesson('demo', 'hello');
    expect(first!.prev).toBeNull();
    expect(first!.exercises[0]!.tasks[0]!.check).toEqual({ type: 'objectExists', kind: 'Pod', name: 'web' });
    expect(first!.exercises[0]!.hints).toEqual([]);
  });

  it('reaches hidden courses by URL', async () => {
    setContentRoots([makeRoot(base)]);
    expect((await getLesson('secret', 'x'))?.title).toBe('x');
  });

  it.each([
    ['../demo', 'hello'],
    ['demo', '../../etc'],
    ['Demo', 'hello'],
    ['demo', 'hello/'],
    ['', 'hello'],
    ['demo', 'nope'],
    ['nope', 'hello'],
    ['demo', '01-hello'],
  ])('returns null for %j / %j', async (c, l) => {
    setContentRoots([makeRoot(base)]);
    expect(await getLesson(c, l)).toBeNull();
  });

  it('keeps solutions behind getSolution', async () => {
    setContentRoots([makeRoot(base)]);
    expect(await getSolution('demo', 'hello', 'run-web')).toBe('kubectl run web --image=nginx\n');
    expect(await getSolution('demo', 'hello', '../lab')).toBeNull();
    expect(await getSolution('demo', 'world', 'run-web')).toBeNull();
  });

  it('caches compiled MDX on disk by content hash', async () => {
    setContentRoots([makeRoot(base)]);
    const a = await getLesson('demo', 'hello');
    const b = await getLesson('demo', 'hello');
    expect(a!.code).toBe(b!.code);
    expect(readdirSync(path.join(tmp, 'cache')).some((f) => /^[0-9a-f]{64}\.js$/.test(f))).toBe(true);
  });
});

describe('content errors name the file and the field', () => {
  const cases: [string, Files, RegExp][] = [
    ['bad frontmatter type', { 'demo/01-first/02-world/lesson.mdx': lesson('세계', 2).replace('estimatedMinutes: 5', 'estimatedMinutes: soon') }, /02-world\/lesson\.mdx \(estimatedMinutes\): invalid frontmatter/],
    ['unknown frontmatter key', { 'demo/01-first/02-world/lesson.mdx': lesson('세계', 2).replace('order: 2', 'order: 2\nauthor: me') }, /lesson\.mdx \(author\)/],
    ['order mismatch', { 'demo/01-first/02-world/lesson.mdx': lesson('세계', 3) }, /lesson\.mdx \(order\): order 3 does not match/],
    ['missing frontmatter', { 'demo/01-first/02-world/lesson.mdx': '# hi' }, /lesson\.mdx \(frontmatter\)/],
    ['module yaml', { 'demo/01-first/module.yaml': 'title: 1\nextra: x\n' }, /module\.yaml \(title\)/],
    ['yaml syntax', { 'demo/course.yaml': 'title: [\n' }, /course\.yaml: YAML syntax error/],
    ['lab field', { 'demo/01-first/01-hello/lab.yaml': lab.replace('title: 있다', 'titel: 있다') }, /lab\.yaml \(exercises\[0\]\.tasks\[0\]\.title\)/],
    ['setup entry type', { 'demo/01-first/01-hello/lab.yaml': `setup:\n  - 1\n${lab}` }, /lab\.yaml \(setup\[0\]\)/],
    ['empty setup entry', { 'demo/01-first/01-hello/lab.yaml': `setup:\n  - ''\n${lab}` }, /lab\.yaml \(setup\[0\]\)/],
    ['near-miss key typo', { 'demo/01-first/01-hello/lab.yaml': `${lab}    nearMisses:\n      - { script: kubectl run x --image=nginx, expcet: 없습니다 }\n` }, /lab\.yaml \(exercises\[0\]\.nearMisses\[0\]/],
    ['missing solution', { 'demo/01-first/01-hello/solutions/run-web.sh': '' }, /lab\.yaml \(exercises\[0\]\.id\): reference solution run-web\.sh is missing/],
    ['duplicate lesson slug', { 'demo/02-second/02-hello/lesson.mdx': lesson('중복', 2) }, /duplicate lesson slug in this course "hello"/],
    ['bad folder name', { 'demo/01-first/3-x/lesson.mdx': lesson('x', 3) }, /3-x: lesson folder must be named NN-slug/],
  ];
  it.each(cases)('%s', async (_name, patch, message) => {
    const files = { ...base, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === '') delete files[k];
    setContentRoots([makeRoot(files)]);
    await expect(listCourses().then(() => getLesson('demo', 'hello'))).rejects.toThrow(message);
  });

  it('rejects import/export in MDX with the line', async () => {
    setContentRoots([makeRoot({ ...base, 'demo/01-first/02-world/lesson.mdx': lesson('세계', 2, "import fs from 'node:fs'") })]);
    await expect(getLesson('demo', 'world')).rejects.toThrow(/lesson\.mdx: MDX compile error: import\/export is not allowed in lessons \(line 10\)$/);
  });
});

describe('listLabs', () => {
  it('lists every lab including hidden courses', async () => {
    setContentRoots([makeRoot(base)]);
    const labs = await listLabs();
    expect(labs.map((l) => l.labKey)).toEqual(['demo/hello']);
  });
});

describe('lab setup', () => {
  it('defaults to no setup and documents the field', () => {
    const parsed = labFileSchema.parse({ exercises: [{ id: 'a', title: 't', tasks: [{ id: 'x', title: 'y', check: {} }] }] });
    expect(parsed.setup).toEqual([]);
    expect(labFileSchema.shape.setup.description).toMatch(/Starting state/);
  });

  it('loads setup scripts with the lesson, the lab list and by lab key', async () => {
    const setup = 'setup:\n  - kubectl run seed --image=nginx\n  - |\n    cat > a.yaml <<EOF\n    kind: Pod\n    EOF\n';
    setContentRoots([makeRoot({ ...base, 'demo/01-first/01-hello/lab.yaml': setup + lab })]);
    const want = ['kubectl run seed --image=nginx', 'cat > a.yaml <<EOF\nkind: Pod\nEOF'];
    expect((await getLesson('demo', 'hello'))!.setup).toEqual(want);
    expect((await listLabs())[0]!.setup).toEqual(want);
    expect(await getLabSetup('demo/hello')).toEqual(want);
    expect(await getLabSetup('demo/world')).toEqual([]);
    expect(await getLabSetup('../x/y')).toEqual([]);
  });
});
