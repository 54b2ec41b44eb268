import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import { getMDXComponent } from 'mdx-bundler/client/jsx';
import { mdxComponents } from './components';
import { MdxError } from './mdx-error';
import styles from './mdx.module.css';

type MdxComponent = (props: { components: typeof mdxComponents }) => React.ReactNode;

/** Evaluate compiled lesson code once per code string (server-side module cache). */
const evaluated = new Map<string, MdxComponent>();

function load(code: string): MdxComponent {
  let Component = evaluated.get(code);
  if (!Component) {
    // The /jsx entry takes the JSX runtime explicitly, so the lesson uses this bundle's React
    // (mdx-bundler itself is a server-external package).
    Component = getMDXComponent(code, { React, ReactDOM, _jsx_runtime: jsxRuntime }) as MdxComponent;
    if (evaluated.size > 200) evaluated.clear();
    evaluated.set(code, Component);
  }
  return Component;
}

/**
 * Render compiled MDX (from lib/content `getLesson().code`) with the lesson component map.
 * A lesson that fails to evaluate (e.g. uses an unknown component) renders an error box.
 */
export function MdxContent({ code }: { code: string }) {
  let body: React.ReactNode;
  try {
    // Called directly (not as <Component/>) so errors thrown while building the tree are caught here.
    body = load(code)({ components: mdxComponents });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    body = <MdxError title="레슨 본문을 표시할 수 없습니다" detail={detail} />;
  }
  return <div className={styles.prose}>{body}</div>;
}
