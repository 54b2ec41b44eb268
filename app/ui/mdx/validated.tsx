import type { ReactNode } from 'react';
import type { z } from 'zod';
import { describeIssues, MdxError } from './mdx-error';

/**
 * Wrap an MDX component so its props are parsed with zod first; hostile or mistyped props
 * render a Korean error box instead of throwing during render.
 */
export function validated<S extends z.ZodType>(
  name: string,
  schema: S,
  render: (props: z.infer<S>) => ReactNode,
): (props: Record<string, unknown>) => ReactNode {
  function Validated(props: Record<string, unknown>) {
    const parsed = schema.safeParse(props);
    if (!parsed.success) {
      return <MdxError title={`<${name}>의 속성이 올바르지 않습니다`} detail={describeIssues(parsed.error)} />;
    }
    return render(parsed.data);
  }
  Validated.displayName = name;
  return Validated;
}
