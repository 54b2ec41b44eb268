import type { ReactNode } from 'react';

const safeHref = /^(https?:\/\/|mailto:|\/(?!\/)|#|\.{0,2}\/)/i;

/** Markdown links: only http(s), mailto, relative and fragment URLs; external ones open safely. */
export function MdxLink({ href, children }: { href?: unknown; children?: ReactNode }) {
  if (typeof href !== 'string' || !safeHref.test(href)) return <span>{children}</span>;
  const external = /^https?:\/\//i.test(href);
  return external ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <a href={href}>{children}</a>
  );
}
