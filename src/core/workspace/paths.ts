/** Core paths are absolute and '/'-separated on every platform; callers convert at the edges. */
export function toPosixPath(p: string): string {
  const slashed = p.replace(/\\/g, '/');
  return slashed.length > 1 ? slashed.replace(/\/+$/, '') : slashed;
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, rel: string): string {
  const parts: string[] = [];
  for (const seg of `${dir}/${rel}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  const joined = parts.join('/');
  return dir.startsWith('/') ? `/${joined}` : joined;
}

/** `child` relative to `parent`, or undefined when it is not inside it. */
export function relativeInside(parent: string, child: string): string | undefined {
  if (child === parent) return '';
  const prefix = parent.endsWith('/') ? parent : `${parent}/`;
  return child.startsWith(prefix) ? child.slice(prefix.length) : undefined;
}
