/**
 * `kubectl VERB [SUB] -h` coverage (issue #4): every simulated verb prints its kubectl 1.34
 * help through the one data-driven renderer, and every flag the simulator accepts is listed
 * in the Options of that verb or one of its subcommands. The texts themselves are checked by
 * the help goldens (testdata/help-full, help-verbs, create-help).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { createShell } from '../session';
import { fullHelp, helpPaths } from './help-texts';
import { VERBS } from './verbs';

const FOOTER = 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';

/** Flags a verb accepts that kubectl 1.34 keeps out of `-h`. */
const NOT_IN_HELP: Record<string, string[]> = {
  // Deprecated flags are hidden by cobra (RecordFlags --record, drain --delete-local-data).
  autoscale: ['record'], set: ['record'], drain: ['delete-local-data'],
  // Global flags (kubectl options); auth whoami's -o has no text here yet.
  auth: ['as', 'as-group', 'output'],
};

describe('kubectl -h', () => {
  it('has a full text for every simulated verb', () => {
    for (const name of Object.keys(VERBS)) {
      const help = name === 'config' ? fullHelp('config', ['view']) : fullHelp(name, []);
      expect(help, name).toBeDefined();
      expect(help!.endsWith(FOOTER), name).toBe(true);
      expect(help, name).toMatch(/\nUsage:\n {2}kubectl /);
    }
  });

  it('documents every flag the simulator accepts', () => {
    for (const [name, spec] of Object.entries(VERBS)) {
      const texts = helpPaths().filter((p) => p === name || p.startsWith(`${name} `)).map((p) => fullHelp(name, p.split(' ').slice(1))!);
      const missing = spec.flags.map((f) => f.name).filter((f) => !NOT_IN_HELP[name]?.includes(f) && !texts.some((t) => t.includes(`--${f}=`)));
      expect(missing, name).toEqual([]);
    }
  });

  it('finds subcommands by their aliases, as cobra does', () => {
    expect(fullHelp('create', ['cm'])).toBe(fullHelp('create', ['configmap']));
    expect(fullHelp('create', ['deploy', 'web'])).toBe(fullHelp('create', ['deployment']));
    expect(fullHelp('top', ['po'])).toContain('Aliases:\npod, pods, po\n');
    expect(fullHelp('config', ['use'])).toContain('Aliases:\nuse-context, use\n');
    // A positional that is not a subcommand stops the walk: the parent's text.
    expect(fullHelp('rollout', ['restart', 'deployment/web'])).toBe(fullHelp('rollout', ['restart']));
    expect(fullHelp('create', ['clusterrole'])).toBe(fullHelp('create', []));
  });

  it('lists each option once, sorted by name as pflag does', () => {
    for (const path of helpPaths()) {
      const [verb, ...args] = path.split(' ');
      const names = [...fullHelp(verb, args)!.matchAll(/^ {4}(?:-\w, )?--([\w-]+)=/gm)].map((m) => m[1]);
      expect(names, path).toEqual([...new Set(names)].sort());
    }
  });

  it('wraps option texts at 110 columns under a tab, as the HelpFlagPrinter does', () => {
    for (const path of helpPaths()) {
      const [verb, ...args] = path.split(' ');
      for (const line of fullHelp(verb, args)!.split('\n')) {
        if (line.startsWith('\t')) expect(line.length, `${path}: ${line}`).toBeLessThanOrEqual(111);
      }
    }
  });

  it('prints through the shell with exit code 0, also for -h after other flags', async () => {
    const shell = createShell({ cluster: createCluster({ seed: 'help', now: Date.UTC(2025, 0, 1) }) });
    const r = await shell.exec('kubectl -n kube-system set image --help');
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^Update existing container image\(s\) of resources\./);
    expect(r.output).toContain('Usage:\n  kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]\n');
  });

  it('a bare parent command (kubectl set) prints the same help as -h', async () => {
    const shell = createShell({ cluster: createCluster({ seed: 'help', now: Date.UTC(2025, 0, 1) }) });
    const bare = await shell.exec('kubectl set');
    expect(bare).toEqual(await shell.exec('kubectl set -h'));
    expect(bare.output).toContain('Available Commands:');
  });
});
