/**
 * Ids and names → URL path segments that are also safe file names on every OS. Plain ids pass
 * through unchanged (`0`, run ids); anything else (a model named `fraud/v2 ✓`, a merged
 * experiment id `b-mlruns:0`) becomes a readable slug plus a short hash of the original, so two
 * names that slug alike still get different pages.
 */

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function safeSegment(value: string): string {
  if (PLAIN.test(value)) return value;
  const readable = value
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60);
  return `${readable || 'x'}-${fnv1a(value)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable short fingerprint (not for security). */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
