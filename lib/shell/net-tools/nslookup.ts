import { DNS_SERVICE_IP, resolveHost, resolveSrv } from '../../cluster';
import type { CommandFn } from '../io';
import type { NetOrigin } from './http-client';

/**
 * nslookup in two dialects: busybox (networking/nslookup.c: `Address:\tIP:53`) and
 * bind9's (`Address:\tIP#53`, used by the Debian-based images and the master's Ubuntu,
 * whose resolver is systemd-resolved on 127.0.0.53 and knows nothing of cluster.local).
 */
export function makeNslookup(origin: () => NetOrigin, dialect: 'busybox' | 'bind'): CommandFn {
  return ({ argv, io, env }) => {
    const args = argv.slice(1).filter((a) => !a.startsWith('-'));
    const name = args[0];
    const type = (argv.slice(1).map((a) => /^-(?:type|query|q|querytype)=(\w+)$/i.exec(a)?.[1]).find(Boolean) ?? 'A').toUpperCase();
    if (!name) {
      io.stderr(dialect === 'busybox' ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n' : '');
      return 1;
    }
    env.cluster.advanceTo(env.cluster.now());
    const pod = origin().pod;
    const server = pod ? DNS_SERVICE_IP : '127.0.0.53';
    const sep = dialect === 'busybox' ? ':' : '#';
    io.stdout(`Server:\t\t${server}\nAddress:\t${server}${sep}53\n\n`);
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
      const rev = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
      io.stdout(`** server can't find ${rev}: NXDOMAIN\n\n`);
      return 1;
    }
    if (type === 'SRV') {
      // SRV answers (coredns kubernetes plugin): busybox prints the target without the root dot, bind with it.
      const srv = resolveSrv(env.cluster, name, pod);
      if (!srv.ok) { io.stdout(`** server can't find ${name}: NXDOMAIN\n\n`); return 1; }
      for (const r of srv.records) {
        io.stdout(`${srv.name}\tservice = ${r.priority} ${r.weight} ${r.port} ${r.target}${dialect === 'bind' ? '.' : ''}\n`);
      }
      io.stdout('\n');
      return 0;
    }
    if (type !== 'A' && type !== 'ANY') {
      io.stderr(`kubelab: nslookup -type=${type.toLowerCase()} is not simulated (A and SRV records are)\n`);
      return 1;
    }
    const a = resolveHost(env.cluster, name, pod);
    if (!a.ok || (a.addresses.length === 0 && !a.cname)) {
      io.stdout(`** server can't find ${name}: NXDOMAIN\n\n`);
      return 1;
    }
    if (a.cname) {
      io.stdout(`${a.name}\tcanonical name = ${a.cname}.\n`);
      io.stdout(`** server can't find ${a.cname}: NXDOMAIN\n\n`);
      return 1;
    }
    for (const ip of a.addresses) io.stdout(`Name:\t${a.name}\nAddress: ${ip}\n`);
    io.stdout('\n');
    return 0;
  };
}
