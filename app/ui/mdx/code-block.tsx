import { isValidElement, type ReactNode } from 'react';
import { manifestFileName } from '@/app/ui/editor/yaml-tools';
import { CopyButton } from './copy-button';
import { OpenInEditorButton } from './open-in-editor-button';
import { RunButton } from './run-button';
import styles from './mdx.module.css';

const languageNames: Record<string, string> = {
  yaml: 'YAML',
  yml: 'YAML',
  bash: 'Bash',
  sh: 'Shell',
  shell: 'Shell',
  console: '터미널',
  json: 'JSON',
  text: '텍스트',
  txt: '텍스트',
};

/** Plain text of a React subtree (MDX code children are strings). */
export function textOf(node: ReactNode): string {
  if (node == null || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

function languageOf(className: unknown): string | undefined {
  if (typeof className !== 'string') return undefined;
  return /(?:^|\s)language-([\w+-]{1,30})/.exec(className)?.[1]?.toLowerCase();
}

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell']);

/**
 * Whether a block gets "터미널에서 실행": shell languages do, unless the fence says `norun`;
 * any other block can opt in with `run` (```yaml run is unusual, but ```text run works).
 */
export function isRunnable(lang: string | undefined, meta: unknown): boolean {
  const flags = typeof meta === 'string' ? meta.split(/\s+/) : [];
  if (flags.includes('norun')) return false;
  return flags.includes('run') || (lang !== undefined && SHELL_LANGUAGES.has(lang));
}

/** Inline `code`. */
export function InlineCode({ children }: { children?: ReactNode }) {
  return <code className={styles.inlineCode}>{children}</code>;
}

/**
 * Fenced code block (`pre > code.language-x`): language label, "복사", for shell "터미널에서 실행",
 * for YAML "편집기에서 열기" (a new file named after metadata.name, worked out here on the server).
 * Highlighting happens at compile time (lib/content/compile.ts): no highlighter reaches the client.
 */
export function CodeBlock({ children }: { children?: ReactNode }) {
  const codeProps = isValidElement<{
    className?: unknown; children?: ReactNode; 'data-meta'?: unknown; 'data-highlighted'?: unknown;
  }>(children)
    ? children.props
    : { className: undefined, children, 'data-meta': undefined, 'data-highlighted': undefined };
  const lang = languageOf(codeProps.className);
  const text = textOf(codeProps.children).replace(/\n$/, '');
  const label = lang ? (languageNames[lang] ?? lang) : '코드';
  return (
    <div className={styles.codeBlock} data-language={lang ?? 'text'}>
      <div className={styles.codeHeader}>
        <span className={styles.codeLang}>{label}</span>
        <span className={styles.codeActions}>
          <CopyButton text={text} />
          {isRunnable(lang, codeProps['data-meta']) && <RunButton text={text} />}
          {(lang === 'yaml' || lang === 'yml') && <OpenInEditorButton text={text} name={manifestFileName(text)} />}
        </span>
      </div>
      <pre className={styles.pre} tabIndex={0}>
        {/* Shiki's token spans (compiled in lib/content) when highlighted; the actions above use `text`. */}
        <code>{codeProps['data-highlighted'] === 'shiki' ? codeProps.children : text}</code>
      </pre>
    </div>
  );
}
