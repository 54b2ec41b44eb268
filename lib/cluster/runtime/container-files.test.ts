import { describe, expect, it } from 'vitest';
import type { Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { Pod } from '../k8s';
import { containerFileLookup, containerFiles, containerMounts, containerRootKey, type ContainerFilesView } from './container-files';
import { NGINX_WELCOME_PAGE } from './http-apps';
import { VolumeFiles } from './volume-files';

const pod = (volumeMounts: VolumeMount[] = [], volumes: Volume[] = []): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'default', uid: 'u1' },
  spec: { hostname: 'web-0', subdomain: 'nginx', containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts }], volumes },
  status: { podIP: '10.244.1.5' },
});

function view(objects: Record<string, unknown> = {}, files = new VolumeFiles()): ContainerFilesView {
  return { get: <T,>(kind: string, ns: string | undefined, name: string) => objects[`${kind}/${ns}/${name}`] as T | undefined, files };
}

describe('container files', () => {
  it('has the kubelet files and nginx web root of the image', () => {
    const p = pod();
    const files = containerFiles(view(), p, p.spec!.containers[0]);
    expect(files['/etc/hostname']).toBe('web-0\n');
    expect(files['/etc/hosts']).toContain('10.244.1.5\tweb-0.nginx.default.svc.cluster.local\tweb-0');
    expect(files['/usr/share/nginx/html/index.html']).toBe(NGINX_WELCOME_PAGE);
  });

  it('serves what was written in the container over the image files', () => {
    const p = pod();
    const files = new VolumeFiles();
    files.write(containerRootKey(p, p.spec!.containers[0]), { '/usr/share/nginx/html/index.html': 'hi\n' });
    const lookup = containerFileLookup(view({}, files), p, 0);
    expect(lookup('/usr/share/nginx/html/index.html')).toBe('hi\n');
    expect(lookup('/usr/share/nginx/html/missing.html')).toBeUndefined();
    expect(containerFileLookup(view(), p, 3)('/etc/hostname')).toBeUndefined();
  });

  it('mounts a PVC-backed volume over the web root (empty until written; files live on the PV)', () => {
    const p = pod([{ name: 'www', mountPath: '/usr/share/nginx/html/' }], [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]);
    const objects = { 'PersistentVolumeClaim/default/www-web-0': { spec: { volumeName: 'pvc-1' } } };
    expect(containerMounts(view(objects), p, p.spec!.containers[0])).toEqual([{ path: '/usr/share/nginx/html', key: 'pv/pvc-1' }]);
    const files = new VolumeFiles();
    expect(containerFiles(view(objects, files), p, p.spec!.containers[0])['/usr/share/nginx/html/index.html']).toBeUndefined();
    files.write('pv/pvc-1', { '/index.html': 'web-0\n' });
    expect(containerFileLookup(view(objects, files), p, 0)('/usr/share/nginx/html/index.html')).toBe('web-0\n');
  });
});
