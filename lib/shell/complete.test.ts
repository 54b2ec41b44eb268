import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);

async function shell() {
  const sh = createShell({ cluster: createCluster({ seed: 'complete', now: T0 }) });
  await sh.exec('kubectl run web --image=nginx; kubectl run worker --image=busybox; mkdir -p k8s; touch k8s/pod.yaml k8s/svc.yaml deploy.yaml');
  return sh;
}
const at = (sh: Awaited<ReturnType<typeof shell>>, line: string) => sh.complete(line, line.length);

describe('tab completion', () => {
  it('completes commands and keywords in command position', async () => {
    const sh = await shell();
    expect(at(sh, 'kub')).toEqual({ replaceFrom: 0, candidates: ['kubectl'] });
    expect(at(sh, 'wh').candidates).toEqual(['which', 'while', 'whoami']);
    expect(at(sh, 'ls | gr')).toEqual({ replaceFrom: 5, candidates: ['grep'] });
    expect(at(sh, 'for i in 1; do kub').candidates).toEqual(['kubectl']);
    await sh.exec('alias k=kubectl');
    expect(at(sh, 'k get no').candidates).toEqual(['nodes']);
  });

  it('completes kubectl verbs, resource types, names and flags', async () => {
    const sh = await shell();
    expect(at(sh, 'kubectl ge').candidates).toEqual(['get']);
    expect(at(sh, 'kubectl get po').candidates).toContain('pods');
    expect(at(sh, 'kubectl get svc').candidates).toEqual(['svc']);
    expect(at(sh, 'kubectl get pods w')).toEqual({ replaceFrom: 17, candidates: ['web', 'worker'] });
    expect(at(sh, 'kubectl describe pod/we').candidates).toEqual(['pod/web']);
    expect(at(sh, 'kubectl logs ').candidates).toEqual(['web', 'worker']);
    expect(at(sh, 'kubectl get nodes k8s-n').candidates).toEqual(['k8s-node1', 'k8s-node2']);
    expect(at(sh, 'kubectl get pods -n kube-').candidates).toContain('kube-system');
    expect(at(sh, 'kubectl get pods -o ya').candidates).toEqual(['yaml']);
    expect(at(sh, 'kubectl get pods --all-n').candidates).toEqual(['--all-namespaces']);
    expect(at(sh, 'kubectl rollout ').candidates).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(at(sh, 'kubectl create conf').candidates).toEqual(['configmap']);
  });

  it('completes file names, directories with a slash', async () => {
    const sh = await shell();
    expect(at(sh, 'kubectl apply -f k')).toEqual({ replaceFrom: 17, candidates: ['k8s/'], display: ['k8s/'] });
    expect(at(sh, 'kubectl apply -f k8s/')).toEqual({ replaceFrom: 17, candidates: ['k8s/pod.yaml', 'k8s/svc.yaml'], display: ['pod.yaml', 'svc.yaml'] });
    expect(at(sh, 'cat de').candidates).toEqual(['deploy.yaml']);
    expect(at(sh, 'cd ').candidates).toEqual(['k8s/']);
    expect(at(sh, 'cat nothing').candidates).toEqual([]);
  });

  it('completes the word at the cursor, not at the end', async () => {
    const sh = await shell();
    expect(sh.complete('kubectl ge pods', 10)).toEqual({ replaceFrom: 8, candidates: ['get'] });
  });
});

describe('tab completion at the in-pod prompt (kubectl exec -it POD -- sh)', () => {
  it("offers the image's commands and the container's files, not the master's", async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'complete', now: T0 }) });
    await sh.exec('kubectl run bb --image=busybox -- sleep 3600; kubectl run web --image=nginx; sleep 20; touch master-only.txt');
    expect((await sh.exec('kubectl exec -it bb -- sh')).exitCode).toBe(0);
    expect(at(sh, 'nsl').candidates).toEqual(['nslookup']);
    expect(at(sh, 'kubect').candidates).toEqual([]);
    expect(at(sh, 'cur').candidates).toEqual([]);
    expect(at(sh, 'ls /et').candidates).toEqual(['/etc/']);
    expect(at(sh, 'cat mast').candidates).toEqual([]);
    await sh.exec('cd /tmp; echo x > notes.txt');
    expect(at(sh, 'cat no')).toEqual({ replaceFrom: 4, candidates: ['notes.txt'], display: ['notes.txt'] });
    await sh.exec('exit');
    await sh.exec('kubectl exec -it web -- bash');
    expect(at(sh, 'cur').candidates).toEqual(['curl']);
    expect(at(sh, 'ls /usr/share/nginx/html/in').candidates).toEqual(['/usr/share/nginx/html/index.html']);
    await sh.exec('exit');
    expect(at(sh, 'cat mast').candidates).toEqual(['master-only.txt']);
  });
});
