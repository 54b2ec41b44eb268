import type { Pod } from '../k8s';
import { parseImageRef, repositoryOf } from './image-ref';

export interface HttpRequest { method: string; path: string; headers: Record<string, string> }
export interface HttpResponse { status: number; reason: string; headers: [string, string][]; body: string }

export type ImageFamily = 'nginx' | 'nginx-slim' | 'kubetm-app' | 'kubetm-init' | 'busybox' | 'curl' | 'pause' | 'ingress-nginx' | 'hpa-example';

const FAMILIES: Record<string, ImageFamily> = {
  'docker.io/library/nginx': 'nginx', 'registry.k8s.io/nginx-slim': 'nginx-slim', 'k8s.gcr.io/nginx-slim': 'nginx-slim',
  'docker.io/kubetm/app': 'kubetm-app', 'docker.io/kubetm/init': 'kubetm-init', 'docker.io/library/busybox': 'busybox', 'registry.k8s.io/busybox': 'busybox', 'k8s.gcr.io/busybox': 'busybox',
  'docker.io/curlimages/curl': 'curl', 'registry.k8s.io/pause': 'pause',
  'registry.k8s.io/ingress-nginx/controller': 'ingress-nginx', 'registry.k8s.io/hpa-example': 'hpa-example', 'k8s.gcr.io/hpa-example': 'hpa-example',
};

const familyCache = new Map<string, ImageFamily | undefined>();

/** The simulated image family of an image reference (memoised: it is on every request's path). */
export function imageFamily(image: string): ImageFamily | undefined {
  if (familyCache.has(image)) return familyCache.get(image);
  const family = FAMILIES[repositoryOf(parseImageRef(image))];
  if (familyCache.size >= 1024) familyCache.clear();
  familyCache.set(image, family);
  return family;
}

/** Executables on the image's $PATH that the simulator implements. */
export const IMAGE_TOOLS: Record<ImageFamily, string[]> = {
  busybox: ['sh', 'ash', 'nslookup', 'wget', 'cat', 'ls', 'hostname', 'echo', 'touch', 'mkdir', 'rm', 'env', 'sleep', 'ping', 'head', 'tail', 'grep', 'wc', 'true', 'false', 'pwd', 'date', 'printf', 'id', 'whoami', 'uname'],
  curl: ['curl', 'sh', 'ash', 'cat', 'ls', 'echo', 'hostname', 'env', 'sleep', 'touch', 'mkdir', 'rm', 'true', 'false', 'pwd', 'id', 'whoami', 'uname', 'printf', 'head', 'tail', 'grep', 'wc'],
  nginx: ['bash', 'sh', 'curl', 'cat', 'ls', 'echo', 'hostname', 'env', 'sleep', 'touch', 'mkdir', 'rm', 'true', 'false', 'pwd', 'id', 'whoami', 'uname', 'printf', 'head', 'tail', 'grep', 'wc', 'date', 'nginx'],
  'nginx-slim': ['sh', 'cat', 'ls', 'echo', 'hostname', 'env', 'sleep', 'touch', 'mkdir', 'rm', 'true', 'false', 'pwd'],
  'kubetm-app': ['bash', 'sh', 'curl', 'nslookup', 'cat', 'ls', 'echo', 'hostname', 'env', 'sleep', 'touch', 'mkdir', 'rm', 'true', 'false', 'pwd', 'id', 'whoami', 'uname', 'printf', 'head', 'tail', 'grep', 'wc', 'date', 'node'],
  'kubetm-init': ['bash', 'sh', 'curl', 'nslookup', 'cat', 'ls', 'echo', 'hostname', 'env', 'sleep', 'touch', 'mkdir', 'rm', 'true', 'false', 'pwd', 'id', 'whoami', 'uname', 'printf', 'head', 'tail', 'grep', 'wc', 'date', 'node'],
  pause: [],
  'hpa-example': ['bash', 'sh', 'cat', 'ls', 'echo', 'hostname', 'env', 'sleep', 'php', 'apache2', 'true', 'false', 'pwd'],
  'ingress-nginx': ['bash', 'sh', 'curl', 'cat', 'ls', 'echo', 'hostname', 'env', 'sleep', 'touch', 'mkdir', 'rm', 'true', 'false', 'pwd', 'id', 'whoami', 'uname', 'printf', 'head', 'tail', 'grep', 'wc', 'date', 'nginx'],
};

/** TCP ports the image's main process listens on. */
export const IMAGE_PORTS: Record<ImageFamily, number[]> = {
  nginx: [80], 'nginx-slim': [80], 'kubetm-app': [8080], 'kubetm-init': [8080], busybox: [], curl: [], pause: [],
  'ingress-nginx': [80, 443, 8443, 10254], 'hpa-example': [80],
};

/** The nginx version an image tag runs (`stable` and `latest` as published in 2025). */
export function nginxVersion(image: string): string {
  const ref = parseImageRef(image);
  if (imageFamily(image) === 'nginx-slim') return '1.11.1';
  if (/^\d+\.\d+\.\d+/.test(ref.tag)) return ref.tag.match(/^\d+\.\d+\.\d+/)![0];
  if (ref.tag.startsWith('stable')) return '1.28.0';
  if (ref.tag.startsWith('1.')) return `${ref.tag.split('-')[0]}.0`.split('.').slice(0, 3).join('.');
  return '1.29.1';
}

export const NGINX_WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** ngx_http_special_response.c error pages. */
function nginxError(status: number, reason: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n` +
    `<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const httpDate = (ms: number) => new Date(ms).toUTCString();
const INDEX_MTIME = Date.UTC(2025, 3, 16, 12, 55, 34);

/** Files the container serves from, by absolute path (volume-backed web roots). */
export type FileLookup = (path: string) => string | undefined;

function serveNginx(image: string, req: HttpRequest, now: number, files?: FileLookup, hasRootVolume?: boolean): HttpResponse {
  const version = nginxVersion(image);
  const base: [string, string][] = [['Server', `nginx/${version}`], ['Date', httpDate(now)]];
  const path = decodeURIComponent(req.path.split('?')[0]);
  const root = '/usr/share/nginx/html';
  const file = path.endsWith('/') ? `${root}${path}index.html` : `${root}${path}`;
  let body = files?.(file);
  if (body === undefined && !hasRootVolume && (path === '/' || path === '/index.html')) body = NGINX_WELCOME_PAGE;
  if (body === undefined && !hasRootVolume && path === '/50x.html') body = '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n</html>\n';
  if (body === undefined) {
    // An empty volume over the web root has no index: directory listing is off, so 403.
    const [status, reason] = hasRootVolume && path.endsWith('/') ? [403, 'Forbidden'] : [404, 'Not Found'];
    const page = nginxError(status, reason, version);
    return { status, reason, headers: [...base, ['Content-Type', 'text/html'], ['Content-Length', String(page.length)], ['Connection', 'keep-alive']], body: page };
  }
  const len = new TextEncoder().encode(body).length;
  return {
    status: 200, reason: 'OK', body,
    headers: [...base, ['Content-Type', 'text/html'], ['Content-Length', String(len)], ['Last-Modified', httpDate(INDEX_MTIME)],
      ['Connection', 'keep-alive'], ['ETag', `"${Math.floor(INDEX_MTIME / 1000).toString(16)}-${len.toString(16)}"`], ['Accept-Ranges', 'bytes']],
  };
}

/** kubetm/app and kubetm/init: the course's small Node.js server on :8080. */
function serveKubetm(pod: Pod, req: HttpRequest, now: number): HttpResponse {
  const hostname = pod.spec?.hostname ?? pod.metadata?.name ?? '';
  const path = req.path.split('?')[0];
  const body = path === '/hostname' ? `Hostname : ${hostname}\n` : path === '/' ? `Welcome to Kubernetes! (${hostname})\n` : undefined;
  const headers: [string, string][] = [['Date', httpDate(now)], ['Connection', 'keep-alive'], ['Keep-Alive', 'timeout=5']];
  if (body === undefined) return { status: 404, reason: 'Not Found', headers: [...headers, ['Transfer-Encoding', 'chunked']], body: '' };
  return { status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain'], ...headers, ['Transfer-Encoding', 'chunked']], body };
}

/** The response of the container's HTTP server, or undefined when nothing listens on `port`. */
export function serveHttp(pod: Pod, containerIndex: number, port: number, req: HttpRequest, now: number,
  files?: FileLookup): HttpResponse | undefined {
  const c = pod.spec?.containers?.[containerIndex];
  const family = c?.image ? imageFamily(c.image) : undefined;
  if (!c || !family || !IMAGE_PORTS[family].includes(port)) return undefined;
  if (family === 'nginx' || family === 'nginx-slim') {
    const rootMounted = (c.volumeMounts ?? []).some((m) => m.mountPath.replace(/\/$/, '') === '/usr/share/nginx/html');
    return serveNginx(c.image!, req, now, files, rootMounted);
  }
  if (family === 'ingress-nginx' && port === 10254) {
    // The controller's health and metrics port (the manifest's liveness/readiness probes use /healthz).
    const ok = req.path === '/healthz' || req.path.startsWith('/metrics');
    return { status: ok ? 200 : 404, reason: ok ? 'OK' : 'Not Found', body: ok ? 'ok' : '404 page not found\n',
      headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Date', httpDate(now)]] };
  }
  if (family === 'hpa-example') {
    // index.php of the kubernetes.io HPA walkthrough: a CPU-heavy loop, then "OK!".
    return { status: 200, reason: 'OK', body: 'OK!', headers: [['Date', httpDate(now)], ['Server', 'Apache/2.4.10 (Debian)'],
      ['X-Powered-By', 'PHP/5.6.40'], ['Content-Length', '3'], ['Content-Type', 'text/html; charset=UTF-8']] };
  }
  return serveKubetm(pod, req, now);
}
