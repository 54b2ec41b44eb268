import { describe, expect, it } from 'vitest';
import { homePath, isYamlPath, manifestFileName, uniquePath, yamlProblems } from './yaml-tools';

describe('editor YAML tools', () => {
  it('finds syntax errors with their place, and none in a good manifest', () => {
    expect(yamlProblems('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n')).toEqual([]);
    const bad = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: y\n';
    const problems = yamlProblems(bad);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].severity).toBe('error');
    expect(problems[0].from).toBeGreaterThanOrEqual(bad.indexOf('name'));
    expect(problems[0].message).not.toContain('\n');
    const open = yamlProblems('a: 1\nb: [1, 2\n');
    expect(open.length).toBeGreaterThan(0);
    expect(open[0].to).toBeGreaterThan(open[0].from);
    expect(open[0].message).not.toMatch(/at line/);
    expect(yamlProblems('a: 1\n---\nb: "x\n').length).toBeGreaterThan(0);
  });

  it('names a new file after the manifest', () => {
    expect(manifestFileName('apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: stateful-db\n')).toBe('stateful-db.yaml');
    expect(manifestFileName('# c\n---\nkind: Service\nmetadata:\n  name: Web_Svc\n---\nkind: Pod\nmetadata:\n  name: p\n')).toBe('web-svc.yaml');
    expect(manifestFileName('kind: Pod\n')).toBeUndefined();
    expect(manifestFileName(': : :')).toBeUndefined();
  });

  it('keeps new file names unique and inside /root', () => {
    const taken = new Set(['/root/web.yaml', '/root/web-2.yaml']);
    expect(uniquePath('/root', 'web.yaml', (p) => taken.has(p))).toBe('/root/web-3.yaml');
    expect(uniquePath('/root', 'db.yaml', (p) => taken.has(p))).toBe('/root/db.yaml');
    expect(homePath('pod.yaml')).toBe('/root/pod.yaml');
    expect(homePath(' ~/a/./b.yaml ')).toBe('/root/a/b.yaml');
    expect(homePath('/root/x.yaml')).toBe('/root/x.yaml');
    expect(homePath('../etc/passwd')).toBeNull();
    expect(homePath('/etc/passwd')).toBeNull();
    expect(homePath('')).toBeNull();
    expect(isYamlPath('/root/a.yml')).toBe(true);
    expect(isYamlPath('/root/a.txt')).toBe(false);
  });
});
