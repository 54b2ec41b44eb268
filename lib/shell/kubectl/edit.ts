import { isStatusError, type KubeObject, type ResourceInfo } from '../../cluster';
import type { ShellEnv } from '../io';
import type { Kubectl, VerbSpec } from './context';
import { formatError, KubectlError, NotSimulated } from './errors';
import { parseSource } from './manifest';
import { canonicalJson } from './merge';
import { resourceName, toYaml } from './printers/output';

/** Where `kubectl edit` puts the buffers the editor pane opens (`<kind>-<name>.yaml`). */
export const EDIT_DIR = '/root/.kube-edit';

/** The comment kubectl edit (pkg/cmd/util/editor/editoptions.go) puts above the object. */
const HEADER = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n#\n';

/** The object as the edit buffer shows it: no status, no managedFields. */
function editable(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj) as KubeObject & { status?: unknown };
  delete copy.status;
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

function notFound(res: ResourceInfo, name: string): KubectlError {
  return new KubectlError(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${name}" not found`);
}

/**
 * `kubectl edit TYPE/NAME`: writes the object's YAML to EDIT_DIR and opens it in the editor pane.
 * kubectl blocks until the editor exits; here saving the file in the pane applies it (editSaved).
 */
function runEdit(k: Kubectl): number {
  if (k.args.length === 0) throw new KubectlError("error: you must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  if (k.flags.filename) throw new NotSimulated('"kubectl edit -f"');
  const out = k.str('output');
  if (out && out !== 'yaml') throw new NotSimulated(`"kubectl edit -o ${out}"`);
  let type: string;
  let name: string | undefined;
  if (k.args[0].includes('/')) {
    if (k.args.length > 1) throw new NotSimulated('editing several objects at once');
    [type, name] = [k.args[0].slice(0, k.args[0].indexOf('/')), k.args[0].slice(k.args[0].indexOf('/') + 1)];
  } else {
    [type, name] = [k.args[0], k.args[1]];
    if (k.args.length > 2) throw new NotSimulated('editing several objects at once');
  }
  const res = k.cluster.resolveResource(type);
  if (!res) throw new KubectlError(`error: the server doesn't have a resource type "${type}"`);
  if (!name) throw new NotSimulated(`editing every ${res.kind} at once (name one: kubectl edit ${res.plural}/NAME)`);
  k.settle();
  const obj = k.cluster.get<KubeObject>(res.kind, res.namespaced ? k.namespace : undefined, name);
  if (!obj) throw notFound(res, name);
  if (!k.env.openEditor) {
    throw new KubectlError('kubelab: kubectl edit needs the web lab\'s YAML editor pane (there is no terminal editor here); ' +
      'use kubectl patch, kubectl set or kubectl apply -f instead.\n' +
      'kubelab: kubectl edit 는 웹 실습의 YAML 편집기 창이 있어야 합니다.');
  }
  const path = `${EDIT_DIR}/${res.kind.toLowerCase()}-${name}.yaml`;
  if (!k.env.vfs.isDir(EDIT_DIR)) k.env.vfs.mkdir(EDIT_DIR, true);
  k.env.vfs.write(path, HEADER + toYaml(editable(obj)));
  k.env.openEditor(path);
  k.out(`Editing ${resourceName(res, name)} in the editor pane: ${path}\n` +
    `편집기 창에서 ${resourceName(res, name)} 를 열었습니다. 저장(Ctrl-S)하면 kubectl edit 처럼 적용됩니다.\n`);
  return 0;
}

const stripComments = (text: string) => text.split('\n').filter((l) => !l.startsWith('#')).join('\n');

/**
 * The editor pane saved an edit buffer: applies it as kubectl edit does (only changes are sent;
 * status edits are ignored), printing `pod/web edited`, `Edit cancelled, no changes made.` or the
 * error; a failed edit stays in the file with the error as a comment on top.
 */
export function editSaved(env: ShellEnv, path: string, write: (chunk: string) => void): void {
  const cluster = env.cluster;
  const text = env.vfs.read(path);
  const body = stripComments(text);
  if (body.trim() === '') { write('Edit cancelled, no changes made.\n'); return; }
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
  const dash = base.indexOf('-');
  const [kindLower, name] = [base.slice(0, dash), base.slice(dash + 1)];
  const fail = (message: string, comment: string) => {
    env.vfs.write(path, HEADER + comment.split('\n').filter(Boolean).map((l) => `# ${l}\n`).join('') + '#\n' + body.replace(/^\n+/, ''));
    write(`${message.endsWith('\n') ? message : `${message}\n`}A copy of your changes has been stored to "${path}"\n` +
      'error: Edit cancelled, no valid changes were saved.\n');
  };
  let edited: KubeObject;
  try {
    const objs = parseSource({ name: path, text: body });
    if (objs.length !== 1) throw new KubectlError('error: the edited file must contain exactly one object');
    edited = objs[0];
  } catch (e) {
    const msg = formatError(e);
    fail(msg, `The edited file had a syntax error: ${msg.replace(/^error: /, '')}`);
    return;
  }
  const res = edited.kind ? cluster.resourceForKind(String(edited.kind), edited.apiVersion) : undefined;
  if (!res || res.kind.toLowerCase() !== kindLower || edited.metadata?.name !== name) {
    fail('error: At least one of apiVersion, kind and name was changed', 'At least one of apiVersion, kind and name was changed');
    return;
  }
  const ns = res.namespaced ? (edited.metadata?.namespace ?? 'default') : undefined;
  cluster.advanceTo(cluster.now());
  const live = cluster.get<KubeObject>(res.kind, ns, name);
  if (!live) { write(formatError(notFound(res, name))); return; }
  // Edits are sent as a patch against the object as it was: no resourceVersion conflicts.
  edited.metadata = { ...edited.metadata, resourceVersion: live.metadata?.resourceVersion };
  if (canonicalJson(edited as never) === canonicalJson(editable(live) as never)) {
    write('Edit cancelled, no changes made.\n');
    return;
  }
  const desired = { ...edited, ...((live as { status?: unknown }).status !== undefined && { status: (live as { status?: unknown }).status }) } as KubeObject;
  if (live.metadata?.managedFields) desired.metadata = { ...desired.metadata, managedFields: live.metadata.managedFields };
  try {
    cluster.update(desired);
    cluster.advanceTo(cluster.now());
  } catch (e) {
    if (!isStatusError(e)) throw e;
    const causes = e.reason === 'Invalid' && e.details.causes?.length
      ? `${res.plural} "${name}" was not valid:\n${e.details.causes.map((c) => `* ${c.field}: ${c.message}`).join('\n')}`
      : formatError(e);
    fail(e.reason === 'Invalid' ? `error: ${res.plural} "${name}" is invalid` : formatError(e), causes);
    return;
  }
  const now = cluster.get<KubeObject>(res.kind, ns, name);
  if (now) env.vfs.write(path, HEADER + toYaml(editable(now)));
  write(`${resourceName(res, name)} edited\n`);
}

export const editVerb: VerbSpec = {
  name: 'edit',
  short: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string', noOptDefault: 'strict' },
    { name: 'windows-line-endings', type: 'bool' },
    { name: 'field-manager', type: 'string' },
    { name: 'subresource', type: 'string' },
  ],
  run: runEdit,
};
