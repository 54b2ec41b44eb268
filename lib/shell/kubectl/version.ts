import type { VerbSpec } from './context';
import { toJson, toYaml } from './printers/output';

const KUSTOMIZE = 'v5.7.1';

/** `kubectl version` (staging/src/k8s.io/kubectl/pkg/cmd/version/version.go). */
export const versionVerb: VerbSpec = {
  name: 'version',
  short: 'Print the client and server version information',
  usage: 'kubectl version [flags] [options]',
  flags: [{ name: 'client', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }],
  run(k) {
    const v = k.cluster.version;
    const info = (gitVersion: string) => {
      const [major, minor] = gitVersion.replace(/^v/, '').split('.');
      return { major, minor, gitVersion, gitCommit: '', gitTreeState: 'clean', buildDate: '2025-09-09T19:44:50Z',
        goVersion: 'go1.24.6', compiler: 'gc', platform: 'linux/amd64' };
    };
    const doc = { clientVersion: info(v), kustomizeVersion: KUSTOMIZE, ...(!k.bool('client') && { serverVersion: info(v) }) };
    const o = k.str('output');
    if (o === 'yaml') { k.out(toYaml(doc)); return 0; }
    if (o === 'json') { k.out(toJson(doc)); return 0; }
    k.out(`Client Version: ${v}\nKustomize Version: ${KUSTOMIZE}\n`);
    if (!k.bool('client')) k.out(`Server Version: ${v}\n`);
    return 0;
  },
};
