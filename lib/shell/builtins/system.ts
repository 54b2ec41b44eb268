import type { CommandFn } from '../io';
import { VPA_UP_URLS } from '../../cluster';
import { makeCurl, makeDig, makeNslookup, makeWget } from '../net-tools';

export const hostname: CommandFn = ({ argv, io }) => {
  if (argv[1] === '-i' || argv[1] === '-I') io.stdout(argv[1] === '-I' ? '192.168.0.30 \n' : '192.168.0.30\n');
  else io.stdout('k8s-master\n');
  return 0;
};

export const whoami: CommandFn = ({ io }) => { io.stdout('root\n'); return 0; };

export const id: CommandFn = ({ io }) => { io.stdout('uid=0(root) gid=0(root) groups=0(root)\n'); return 0; };

export const uname: CommandFn = ({ argv, io }) => {
  const all = 'Linux k8s-master 6.8.0-48-generic #48-Ubuntu SMP PREEMPT_DYNAMIC x86_64 x86_64 x86_64 GNU/Linux';
  io.stdout(argv.includes('-a') ? `${all}\n` : argv.includes('-r') ? '6.8.0-48-generic\n' : argv.includes('-n') ? 'k8s-master\n'
    : argv.includes('-m') ? 'x86_64\n' : 'Linux\n');
  return 0;
};

/**
 * There is no full-screen editor in the lab terminal: in the web lab `vi FILE` opens FILE in the
 * editor pane; elsewhere (kubesim) it points there.
 */
const editor: CommandFn = ({ argv, io, env }) => {
  const file = argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (env.openEditor) {
    if (!file) {
      env.openEditor('');
      io.stdout(`${argv[0]}: 편집기 창을 열었습니다. 파일을 고르거나 새 파일을 만드세요.\n`);
      return 0;
    }
    const path = env.resolve(file);
    if (env.vfs.isDir(path)) {
      io.stderr(`${argv[0]}: ${file}: Is a directory\n`);
      return 1;
    }
    if (path !== env.home && !path.startsWith(`${env.home}/`)) {
      io.stderr(`${argv[0]}: 편집기 창에서는 홈 디렉터리(${env.home}) 아래의 파일만 열 수 있습니다: ${file}\n`);
      return 1;
    }
    env.openEditor(path);
    io.stdout(`${argv[0]}: '${file}' 파일을 편집기 창에서 열었습니다. 저장(Ctrl-S)하면 터미널에서 바로 쓸 수 있습니다.\n`);
    return 0;
  }
  io.stderr(`${argv[0]}: 이 실습 터미널에는 편집기가 없습니다. 오른쪽 YAML 편집기 창에서 ${file ? `'${file}' 파일을 ` : '파일을 '}열어 수정하세요.\n` +
    `${argv[0]}: no full-screen editor in this lab terminal; open ${file ? `'${file}'` : 'the file'} in the YAML editor pane ` +
    `(or write it with: cat <<'EOF' > ${file ?? 'file.yaml'})\n`);
  return 1;
};

/** Network tools of the master node: honest until the cluster's network simulation reaches the master. */
const notSimulated: CommandFn = ({ argv, io }) => {
  io.stderr(`kubelab: ${argv[0]} is not simulated yet on the master node\n`);
  return 1;
};

/**
 * git: the lab has no internet, so `git clone` fails the way git does offline. Cloning the
 * autoscaler repository (the VPA install in the docs: `./hack/vpa-up.sh`) points to the bundled
 * manifests the script would apply.
 */
const git: CommandFn = ({ argv, io }) => {
  if (argv[1] !== 'clone' || !argv[2]) {
    io.stderr(`kubelab: ${['git', ...argv.slice(1, 2)].join(' ')} is not simulated in this lab (there are no repositories here)\n`);
    return 1;
  }
  const url = argv.slice(2).find((a) => !a.startsWith('-')) ?? '';
  const repo = /([^/:]+?)(\.git)?\/?$/.exec(url)?.[1] ?? url;
  const host = /^(?:https?:\/\/|git@)([^/:]+)/.exec(url)?.[1];
  io.stderr(`Cloning into '${repo}'...\n`);
  io.stderr(host ? `fatal: unable to access '${url}/': Could not resolve host: ${host}\n` : `fatal: repository '${url}' does not exist\n`);
  if (/kubernetes\/autoscaler/.test(url)) {
    io.stderr('kubelab: 이 실습 환경은 인터넷에 연결되어 있지 않습니다. vpa-up.sh가 적용하는 VPA 매니페스트는 내장되어 있으니 다음처럼 설치하세요:\n' +
      VPA_UP_URLS.map((u) => `  kubectl apply -f ${u}\n`).join(''));
  }
  return 128;
};

/** read [-r] [-p PROMPT] [NAME...]: one line of stdin, split on IFS; the last name takes the rest. */
export const read: CommandFn = ({ argv, io, env }) => {
  let raw = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-r') raw = true;
    else if (a === '-p') io.stderr(argv[++i] ?? '');
    else if (a === '-s' || a === '-e') continue;
    else if (a === '-t' || a === '-n' || a === '-d') i++;
    else names.push(a);
  }
  const input = io.input ?? { text: io.stdin, pos: 0 };
  if (input.pos >= input.text.length) return 1;
  const nl = input.text.indexOf('\n', input.pos);
  let line = input.text.slice(input.pos, nl < 0 ? undefined : nl);
  input.pos = nl < 0 ? input.text.length : nl + 1;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const targets = names.length ? names : ['REPLY'];
  if (!names.length) { env.vars.set('REPLY', line); return nl < 0 ? 1 : 0; }
  let rest = line.replace(/^[ \t]+/, '');
  targets.forEach((name, k) => {
    if (k === targets.length - 1) { env.vars.set(name, rest.replace(/[ \t]+$/, '')); return; }
    const m = /^(\S*)[ \t]*/.exec(rest)!;
    env.vars.set(name, m[1]);
    rest = rest.slice(m[0].length);
  });
  return nl < 0 ? 1 : 0;
};

export const SYSTEM_BUILTINS: Record<string, CommandFn> = {
  hostname, whoami, id, uname, read,
  vi: editor, vim: editor, nano: editor, emacs: editor,
  // The master node's own tools: no cluster DNS there, but ClusterIPs and NodePorts are routed (kube-proxy runs on it).
  curl: makeCurl(() => ({}), '8.5.0'), wget: makeWget(() => ({})), nslookup: makeNslookup(() => ({}), 'bind'), dig: makeDig(() => ({})),
  ping: notSimulated, git,
  nc: notSimulated, telnet: notSimulated, ssh: notSimulated,
};
