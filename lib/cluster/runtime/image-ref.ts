/**
 * Docker image reference normalisation, like github.com/distribution/reference
 * ParseNormalizedNamed: `nginx` → `docker.io/library/nginx:latest`.
 */
export interface ImageRef {
  registry: string;
  /** Path inside the registry, `library/nginx`. */
  path: string;
  tag: string;
  digest?: string;
}

export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let tag = 'latest';
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  const first = rest.split('/')[0];
  let registry = 'docker.io';
  let path = rest;
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    path = rest.slice(first.length + 1);
  }
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { registry, path, tag, digest };
}

/** `docker.io/library/nginx` */
export function repositoryOf(ref: ImageRef): string {
  return `${ref.registry}/${ref.path}`;
}

/** `docker.io/library/nginx:latest` */
export function fullName(ref: ImageRef): string {
  return ref.digest ? `${repositoryOf(ref)}@${ref.digest}` : `${repositoryOf(ref)}:${ref.tag}`;
}

/** Deterministic fake sha256 digest for a repository:tag. */
export function digestOf(name: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ round, 2246822519) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `sha256:${out}`;
}
