import { isValidElement, type ReactNode } from 'react';
import { CopyButton } from './copy-button';
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

/** Inline `code`. */
export function InlineCode({ children }: { children?: ReactNode }) {
  return <code className={styles.inlineCode}>{children}</code>;
}

/** Fenced code block (`pre > code.language-x`): language label + "복사" button. */
export function CodeBlock({ children }: { children?: ReactNode }) {
  const codeProps = isValidElement<{ className?: unknown; children?: ReactNode }>(children)
    ? children.props
    : { className: undefined, children };
  const lang = languageOf(codeProps.className);
  const text = textOf(codeProps.children).replace(/\n$/, '');
  const label = lang ? (languageNames[lang] ?? lang) : '코드';
  return (
    <div className={styles.codeBlock} data-language={lang ?? 'text'}>
      <div className={styles.codeHeader}>
        <span className={styles.codeLang}>{label}</span>
        <CopyButton text={text} />
      </div>
      <pre className={styles.pre} tabIndex={0}>
        <code>{text}</code>
      </pre>
    </div>
  );
}
