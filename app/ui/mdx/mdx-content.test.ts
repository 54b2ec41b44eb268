import * as React from 'react';
import { createElement, type ReactElement, type ReactNode } from 'react';
import * as ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import { getMDXComponent } from 'mdx-bundler/client/jsx';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMdx, getLesson, listCourses, setMdxCacheDir } from '@/lib/content';
import { textOf } from './code-block';
import { mdxComponents } from './components';
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
    expect(html.replace(/<[^>]+>/g, '')).toContain('kubectl get pods');
    expect(html).toMatch(/<code class="[^"]*">inline<\/code>/);
  });

  it('highlights yaml/bash/console/json at compile time and keeps the raw text for the actions', async () => {
    const code = await compile(
      '```yaml\n# 한국어 주석\nkind: Pod\n```\n\n```console\n$ kubectl get pods\n```\n\n```json\n{"a": 1}\n```\n\n```sh\necho "hi" # 인사\n```\n\n```text\nplain <b>\n```',
    );
    expect(code).not.toContain('shiki/core'); // tokens are data in the compiled lesson, not a highlighter
    const html = render(code);
    expect(html.match(/--shiki-light:/g)?.length).toBeGreaterThan(8);
    expect(html).toContain('--shiki-dark:');
    expect(html).toContain('# 한국어 주석');
    expect(html).toContain('# 인사');
    // copy / run / open-in-editor get textOf(children): the exact source, not the markup
    const seen: string[] = [];
    const Spy = ({ children }: { children?: ReactNode }) => {
      const el = children as ReactElement<{ children?: ReactNode }>;
      seen.push(textOf(el.props.children));
      return null;
    };
    const Component = getMDXComponent(code, { React, ReactDOM, _jsx_runtime: jsxRuntime }) as (p: { components: Record<string, unknown> }) => ReactNode;
    renderToStaticMarkup(createElement(Component, { components: { ...mdxComponents, pre: Spy } }));
    expect(seen).toEqual(['# 한국어 주석\nkind: Pod', '$ kubectl get pods', '{"a": 1}', 'echo "hi" # 인사', 'plain <b>\n']);
    // unknown / plain languages are escaped text, no spans
    expect(html).toContain('plain &lt;b&gt;');
  });

  it('renders <Tabs> as an accessible tab list and rejects bad tab markup', async () => {
    const html = render(
      await compile('<Tabs>\n<Tab label="NodePort">\n\n```yaml\nkind: Service\n```\n\n</Tab>\n<Tab label="LoadBalancer">\n\n로드밸런서\n\n</Tab>\n</Tabs>'),
    );
    expect(html).toContain('role="tablist"');
    expect(html.match(/role="tab"/g)).toHaveLength(2);
    expect(html.match(/role="tabpanel"/g)).toHaveLength(2);
    expect(html).toContain('aria-selected="true"');
    expect(html).toContain('로드밸런서');
    expect(html).not.toContain('콘텐츠 오류');
    const bad = render(
      await compile(
        '<Tabs>\n<Tab label="a">x</Tab>\n</Tabs>\n\n<Tabs>\n<Tab label="a">x</Tab>\n<Tab label="a">y</Tab>\n</Tabs>\n\n<Tabs>\n<Tab label={3}>x</Tab>\n<Tab label="b">y</Tab>\n</Tabs>\n\n<Tabs>\n<Callout>x</Callout>\n<Tab label="b">y</Tab>\n</Tabs>\n\n<Tab label="alone">z</Tab>\n\n<Tabs onClick="x"><Tab label="a">1</Tab><Tab label="b">2</Tab></Tabs>',
      ),
    );
    expect(bad.match(/콘텐츠 오류/g)).toHaveLength(6);
    expect(bad).toContain('2~8개');
    expect(bad).toContain('두 번 쓰였습니다');
    expect(bad).toContain('안에서만');
  });
});
