/** Globs over keys (`--redact '*_url'`, `--metric 'val/*'`, gates): `*` any run of characters (`/` included: keys are flat), `?` one; whole key. */

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

export function globToRegExp(glob: string, options: { ignoreCase?: boolean } = {}): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${source}$`, options.ignoreCase ? 'is' : 's');
}
