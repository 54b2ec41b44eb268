import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMdx, getLesson, listCourses, setMdxCacheDir } from '@/lib/content';
import { MdxContent } from './mdx-content';

const render = (code: string) => renderToStaticMarkup(createElement(MdxContent, { code }));
const compile = (src: string) => compileMdx('/virtual/lesson.mdx', `---\ntitle: t\n---\n${src}`);

describe('MdxContent', () => {
  beforeAll(() => setMdxCacheDir(null));

  it('renders the StatefulSet lesson with its components', async () => {
    const lesson = await getLesson('kubernetes', 'statefulset-intro');
    const html = render(lesson!.code);
    expect(html).toContain('Stateless 애플리케이션');
    expect(html).toContain('role="img"');
    expect(html).toContain('<figcaption');
    expect(html).toContain('<caption');
    expect(html).toContain('복사');
    expect(html).toContain('data-language="yaml"');
    expect(html).not.toContain('콘텐츠 오류');
  });

  it('renders every lesson of every course without content errors', async () => {
    const courses = await listCourses({ includeHidden: true });
    const lessons = courses.flatMap((c) => c.modules.flatMap((m) => m.lessons));
    expect(lessons.length).toBeGreaterThan(1);
    for (const summary of lessons) {
      const lesson = await getLesson(summary.courseSlug, summary.slug);
      const html = render(lesson!.code);
      expect(html, summary.href).not.toContain('콘텐츠 오류');
      expect(html, summary.href).not.toContain('레슨 본문을 표시할 수 없습니다');
    }
  });

  it('adds "터미널에서 실행" to shell blocks; a fence can opt in (run) or out (norun)', async () => {
    const html = render(await compile('```bash\nkubectl get pods\n```\n\n```yaml\nkind: Pod\n```\n\n```text run\necho hi\n```\n\n```sh norun\nrm -rf /\n```'));
    expect(html.match(/aria-label="코드를 터미널에서 실행"/g)).toHaveLength(2);
    expect(html.match(/>복사</g)).toHaveLength(4);
  });

  it('renders quizzes and rejects a quiz whose model answer misses its pattern', async () => {
    const ok = render(
      await compile(
        '<Quiz question="q" options={[\'a\', \'b\']} answer={1} />\n\n<Quiz question="q" pattern="^kubectl get pods?$" answerText="kubectl get pods" />',
      ),
    );
    expect(ok).toContain('퀴즈');
    expect(ok).toContain('type="radio"');
    expect(ok).not.toContain('콘텐츠 오류');
    const bad = render(
      await compile(
        '<Quiz question="q" options={[\'a\']} answer={3} />\n\n<Quiz question="q" pattern="^x$" answerText="y" />\n\n<Quiz question="q" pattern="(" answerText="(" />\n\n<IngressDiagram variant="nope" />',
      ),
    );
    expect(bad.match(/콘텐츠 오류/g)).toHaveLength(4);
  });

  it('shows a Korean error box for hostile component props instead of crashing', async () => {
    const code = await compile(
      '<Callout type="danger">x</Callout>\n\n<PodIdentityDiagram steps={[\'nope\']} />\n\n<Diagram caption={42}>y</Diagram>',
    );
    const html = render(code);
    expect(html.match(/콘텐츠 오류/g)).toHaveLength(3);
    expect(html).toContain('role="alert"');
  });

  it('shows an error box for unknown components', async () => {
    const html = render(await compile('# 제목\n\n<NoSuchThing />'));
    expect(html).toContain('레슨 본문을 표시할 수 없습니다');
    expect(html).toContain('NoSuchThing');
  });

  it('neutralises javascript: links', async () => {
    const html = render(await compile('[click](javascript:alert(1))'));
    expect(html).not.toContain('javascript:');
  });

  it('renders code blocks with a language label and the raw text', async () => {
    const html = render(await compile('```bash\nkubectl get pods\n```\n\nand `inline`'));
    expect(html).toContain('Bash');
    expect(html).toContain('kubectl get pods');
    expect(html).toMatch(/<code class="[^"]*">inline<\/code>/);
  });
});
