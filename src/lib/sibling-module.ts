/**
 * A module beside the calling one, with the caller's own extension: `.ts` when running from a
 * clone (Node strips the types), `.js` in the published package (compiled to dist/). Worker
 * threads and child processes are started from a file path, which no compiler rewrites.
 */
export function siblingModule(name: string, callerUrl: string): URL {
  const extension = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, callerUrl);
}
