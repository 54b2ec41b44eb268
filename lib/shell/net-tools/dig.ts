import type { Pod } from 'kubernetes-types/core/v1';
import { DNS_SERVICE_IP, queryA, resolveHost, resolveSrv } from '../../cluster';
import type { CommandFn } from '../io';
import type { NetOrigin } from './http-client';

/**
 * dig (bind9 9.18, as in Ubuntu 22.04 and the jessie-dnsutils image the DNS-debugging docs use):
 * `dig [@server] [TYPE] NAME [TYPE] [+short] [+search]`, A and SRV records from the cluster's
 * CoreDNS. Without +search the name is queried as typed (dig ignores resolv.conf's search list).
 * The answer section carries the TTL of kubeadm's Corefile (ttl 30); SRV answers list the targets' A records as
 * additional data.
 */
const TTL = 30;
const VERSION = '9.18.30-0ubuntu0.22.04.2-Ubuntu';
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function when(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Wire length of a name (labels + lengths + root). */
const wire = (n: string) => n.replace(/\.$/, '').split('.').reduce((a, l) => a + l.length + 1, 1);

/** A stable message id per query (dig picks a random one). */
function queryId(text: string, now: number): number {
  let h = 0x811c9dc5 ^ now;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h & 0xffff;
}

export function makeDig(origin: () => NetOrigin): CommandFn {
  return ({ argv, io, env }) => {
    const opts = argv.slice(1);
    const short = opts.includes('+short');
    const search = opts.includes('+search');
    let type = 'A', name = '';
    for (const a of opts) {
      if (a.startsWith('+') || a.startsWith('@')) continue;
      if (/^(A|SRV|AAAA|ANY|CNAME|NS|PTR|TXT|MX)$/i.test(a)) type = a.toUpperCase();
      else if (!a.startsWith('-')) name = a;
    }
    if (!name) name = '.';
    env.cluster.advanceTo(env.cluster.now());
    const pod: Pod | undefined = origin().pod;
    const server = pod ? DNS_SERVICE_IP : '127.0.0.53';
    const fq = (n: string) => (n.endsWith('.') ? n : `${n}.`);
    const answers: string[] = [], extra: string[] = [];
    let owner = fq(name.toLowerCase());
    let status = 'NOERROR';
    if (type === 'SRV') {
      const srv = resolveSrv(env.cluster, name, pod, search);
      if (srv.ok) {
        owner = fq(srv.name);
        for (const r of srv.records) {
          answers.push(`${owner}\t${TTL}\tIN\tSRV\t${r.priority} ${r.weight} ${r.port} ${r.target}.`);
          if (r.address) extra.push(`${r.target}.\t${TTL}\tIN\tA\t${r.address}`);
        }
      } else status = 'NXDOMAIN';
    } else if (type === 'A' || type === 'ANY') {
      const a = search ? resolveHost(env.cluster, name, pod) : pod ? (() => {
        const r = queryA(env.cluster, name);
        return r ? { ok: true as const, name: name.replace(/\.$/, ''), ...r } : { ok: false as const };
      })() : resolveHost(env.cluster, name, pod);
      if (a.ok) {
        owner = fq(a.name);
        if (a.cname) answers.push(`${owner}\t${TTL}\tIN\tCNAME\t${fq(a.cname)}`);
        for (const ip of a.addresses) answers.push(`${owner}\t${TTL}\tIN\tA\t${ip}`);
      } else status = 'NXDOMAIN';
    } else {
      io.stderr(`kubelab: dig ${type} is not simulated (A and SRV records are)\n`);
      return 1;
    }
    if (short) {
      for (const line of answers) io.stdout(`${line.split('\t').slice(4).join('\t')}\n`);
      return 0;
    }
    const soa = status === 'NXDOMAIN' && pod
      ? ['cluster.local.\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1735689600 7200 1800 86400 30'] : [];
    const size = 12 + wire(owner) + 4 + 11 + answers.length * 16 + extra.length * 16 +
      answers.reduce((a, l) => a + (type === 'SRV' ? wire(l.split(' ').pop()!) : 0), 0) + soa.length * 70;
    const id = queryId(`${type} ${owner}`, env.cluster.now());
    io.stdout(`\n; <<>> DiG ${VERSION} <<>> ${opts.join(' ')}\n;; global options: +cmd\n;; Got answer:\n` +
      `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${id}\n` +
      `;; flags: qr ${pod ? 'aa ' : ''}rd${pod ? '' : ' ra'}; QUERY: 1, ANSWER: ${answers.length}, AUTHORITY: ${soa.length}, ADDITIONAL: ${extra.length + 1}\n` +
      `${pod ? ';; WARNING: recursion requested but not available\n' : ''}\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${pod ? 1232 : 65494}\n` +
      `;; QUESTION SECTION:\n;${owner}\t\t\tIN\t${type}\n\n` +
      (answers.length ? `;; ANSWER SECTION:\n${answers.join('\n')}\n\n` : '') +
      (soa.length ? `;; AUTHORITY SECTION:\n${soa.join('\n')}\n\n` : '') +
      (extra.length ? `;; ADDITIONAL SECTION:\n${extra.join('\n')}\n\n` : '') +
      `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${when(env.cluster.now())}\n;; MSG SIZE  rcvd: ${size}\n\n`);
    return 0;
  };
}
