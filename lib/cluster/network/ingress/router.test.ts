import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types';
import { chooseCanary, rewrite, route } from './router';

const ing = (name: string, host: string | undefined, paths: [string, string, string][], annotations: Record<string, string> = {}): KubeObject => ({
  metadata: { name, namespace: 'default', annotations },
  spec: { rules: [{ ...(host && { host }), http: { paths: paths.map(([path, pathType, svc]) => ({ path, pathType, backend: { service: { name: svc, port: { number: 80 } } } })) } }] },
});
const svcOf = (r: ReturnType<typeof route>) => r.route?.location.backend.service?.name;

describe('ingress-nginx routing', () => {
  const fanout = ing('fanout', undefined, [['/', 'Prefix', 'shop'], ['/customer', 'Prefix', 'cust'], ['/order', 'Exact', 'order'], ['/api', 'ImplementationSpecific', 'api']]);
  it('matches Prefix by path element, Exact exactly, ImplementationSpecific as a plain prefix, longest first', () => {
    expect(svcOf(route([fanout], 'x', '/customer'))).toBe('cust');
    expect(svcOf(route([fanout], 'x', '/customer/1'))).toBe('cust');
    expect(svcOf(route([fanout], 'x', '/customers'))).toBe('shop');
    expect(svcOf(route([fanout], 'x', '/order'))).toBe('order');
    expect(svcOf(route([fanout], 'x', '/order/1'))).toBe('shop');
    expect(svcOf(route([fanout], 'x', '/apiv2'))).toBe('api');
  });

  it('picks the server by host, wildcard, then the default server', () => {
    const hosts = [ing('a', 'www.app.com', [['/', 'Prefix', 'app']]), ing('w', '*.foo.com', [['/', 'Prefix', 'wild']]), ing('d', undefined, [['/x', 'Prefix', 'def']])];
    expect(svcOf(route(hosts, 'www.app.com', '/'))).toBe('app');
    expect(svcOf(route(hosts, 'bar.foo.com', '/'))).toBe('wild');
    expect(svcOf(route(hosts, 'a.b.foo.com', '/'))).toBeUndefined();
    expect(svcOf(route(hosts, 'other', '/x/y'))).toBe('def');
    expect(route(hosts, 'other', '/').route).toBeUndefined();
  });

  it('uses regex locations when rewrite-target is set and substitutes capture groups', () => {
    const re = ing('re', 'h', [['/something(/|$)(.*)', 'ImplementationSpecific', 'svc']], { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' });
    const r = route([re], 'h', '/something/new');
    expect(r.route?.regex).toBe(true);
    expect(rewrite('/something/new', '?a=1', '/something(/|$)(.*)', '/$2')).toBe('/new?a=1');
    expect(rewrite('/something', '', '/something(/|$)(.*)', '/$2')).toBe('/');
    expect(rewrite('/testpath/x', '', '/testpath', '/')).toBe('/');
  });

  it('applies canary rules in the documented precedence: header, cookie, weight', () => {
    const c = (a: Record<string, string>) => ing('c', 'h', [['/', 'Prefix', 'v2']], { 'nginx.ingress.kubernetes.io/canary': 'true', ...a });
    const byHeader = c({ 'nginx.ingress.kubernetes.io/canary-by-header': 'X-Canary', 'nginx.ingress.kubernetes.io/canary-weight': '100' });
    expect(chooseCanary(byHeader, { 'x-canary': 'never' }, 0)).toBe(false);
    expect(chooseCanary(byHeader, { 'x-canary': 'always' }, 0.99)).toBe(true);
    expect(chooseCanary(byHeader, { 'x-canary': 'maybe' }, 0.5)).toBe(true);
    const byValue = c({ 'nginx.ingress.kubernetes.io/canary-by-header': 'Accept-Language', 'nginx.ingress.kubernetes.io/canary-by-header-value': 'kr' });
    expect(chooseCanary(byValue, { 'accept-language': 'kr' }, 0.5)).toBe(true);
    expect(chooseCanary(byValue, { 'accept-language': 'en' }, 0)).toBe(false);
    const byCookie = c({ 'nginx.ingress.kubernetes.io/canary-by-cookie': 'canary', 'nginx.ingress.kubernetes.io/canary-weight': '50' });
    expect(chooseCanary(byCookie, { cookie: 'a=1; canary=always' }, 0.9)).toBe(true);
    expect(chooseCanary(byCookie, { cookie: 'canary=never' }, 0.1)).toBe(false);
    expect(chooseCanary(byCookie, {}, 0.49)).toBe(true);
    expect(chooseCanary(byCookie, {}, 0.5)).toBe(false);
    expect(chooseCanary(c({ 'nginx.ingress.kubernetes.io/canary-weight': '3', 'nginx.ingress.kubernetes.io/canary-weight-total': '10' }), {}, 0.29)).toBe(true);
  });

  it('merges a canary Ingress into the main location with the same host and path', () => {
    const main = ing('main', 'www.app.com', [['/', 'Prefix', 'v1']]);
    const canary = ing('canary', 'www.app.com', [['/', 'Prefix', 'v2']], { 'nginx.ingress.kubernetes.io/canary': 'true' });
    const r = route([canary, main], 'www.app.com', '/x');
    expect(svcOf(r)).toBe('v1');
    expect(r.route?.canaries.map((l) => l.backend.service?.name)).toEqual(['v2']);
    expect(route([canary], 'www.app.com', '/').route).toBeUndefined();
  });
});
