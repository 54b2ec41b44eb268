import { Children, isValidElement, type ReactNode } from 'react';
import { z } from 'zod';
import { describeIssues, MdxError } from './mdx-error';
import { TabsClient } from './tabs-client';
import { validated } from './validated';

const tabSchema = z.strictObject({
  label: z.string().trim().min(1).max(40).describe('the tab button text'),
  children: z.custom<ReactNode>().optional(),
});

/**
 * `<Tab label="NodePort">…</Tab>`: only meaningful inside `<Tabs>`, which reads its props. Used
 * anywhere else it says so instead of silently showing its content.
 */
export const Tab = validated('Tab', tabSchema, () => (
  <MdxError title="<Tab>은 <Tabs> 안에서만 쓸 수 있습니다" />
));

const tabsSchema = z.strictObject({ children: z.custom<ReactNode>() });

type ParsedTabs = { labels: string[]; panels: ReactNode[] } | { error: string };

/** The `<Tab>` children of a `<Tabs>`, validated: only Tabs (whitespace aside), 2–8, unique labels. */
function parseTabs(children: ReactNode): ParsedTabs {
  const labels: string[] = [];
  const panels: ReactNode[] = [];
  const problems: string[] = [];
  Children.toArray(children).forEach((child, i) => {
    if (typeof child === 'string' && child.trim() === '') return;
    if (!isValidElement<Record<string, unknown>>(child) || child.type !== Tab) {
      problems.push(`children.${i}: <Tabs> 안에는 <Tab label="...">만 둘 수 있습니다`);
      return;
    }
    const parsed = tabSchema.safeParse(child.props);
    if (!parsed.success) {
      problems.push(describeIssues(parsed.error).replace(/^/gm, `<Tab> ${labels.length + 1}번째의 `));
      return;
    }
    if (labels.includes(parsed.data.label)) problems.push(`label "${parsed.data.label}"이(가) 두 번 쓰였습니다`);
    labels.push(parsed.data.label);
    panels.push(parsed.data.children);
  });
  if (labels.length < 2 || labels.length > 8) problems.push(`<Tab>은 2~8개여야 합니다 (지금 ${labels.length}개)`);
  return problems.length ? { error: problems.join('\n') } : { labels, panels };
}

/**
 * `<Tabs>` with `<Tab label="...">` children: alternatives side by side (e.g. NodePort vs
 * LoadBalancer manifests). Validated here on the server; only the switcher is a client leaf.
 */
export const Tabs = validated('Tabs', tabsSchema, ({ children }) => {
  const parsed = parseTabs(children);
  if ('error' in parsed) return <MdxError title="<Tabs>의 내용이 올바르지 않습니다" detail={parsed.error} />;
  return <TabsClient labels={parsed.labels} panels={parsed.panels} />;
});
