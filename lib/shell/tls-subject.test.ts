/** The controller presents the Secret's certificate: its subject is read from the DER attribute, byte-exact. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

const INGRESS_NGINX = 'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.5.1/deploy/static/provider/cloud/deploy.yaml';

describe('TLS certificate subject through ingress-nginx', () => {
  it.each(['www.mall.com', 'shop.example.kr', 'a.b'])('curl -v shows CN=%s exactly', async (host) => {
    const sh = createShell({ cluster: createCluster({ seed: `tls-${host}`, now: Date.UTC(2026, 0, 1) }) });
    const script = [
      `openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout tls.key -out tls.crt -subj "/CN=${host}/O=${host}"`,
      'kubectl create secret tls site-tls --key tls.key --cert tls.crt',
      `kubectl apply -f ${INGRESS_NGINX}`,
      'kubectl run web --image=nginx', 'kubectl expose pod web --port=80', 'sleep 60',
      `kubectl create ingress site --class=nginx --rule="${host}/*=web:80,tls=site-tls"`, 'sleep 70',
    ];
    for (const line of script) expect((await sh.exec(line)).exitCode, line).toBe(0);
    const r = await sh.exec(`curl -k -v -H "Host: ${host}" https://localhost/ 2>&1 | grep 'subject:'`);
    expect(r.output).toBe(`*  subject: CN=${host}\n`);
  });
});
