/**
 * Which Node versions Runfolio runs on: those Astro supports (22.12+, 24, 26+) from 22.13 on, where
 * node:sqlite (mlflow.db stores) needs no flag. package.json `engines` says the same
 * (`^22.13.0 || ^24.0.0 || >=26.0.0`; a test keeps the two equal). Imported by the bin before
 * anything else, so it keeps to syntax every Node since 12 parses.
 */
export const SUPPORTED_NODE = 'Node.js 22.13 or a later 22.x, 24.x, or 26 and newer';

export function supportedNode(version: string): boolean {
  const parts = version.split('.').map(Number);
  const major = parts[0] || 0;
  const minor = parts[1] || 0;
  if (major === 22) return minor >= 13;
  return major === 24 || major >= 26;
}
