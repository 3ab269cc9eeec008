/**
 * Ids and names → URL path segments that are also safe file names on every OS. Plain ids pass
 * through unchanged (`0`, run ids); anything else (a model named `fraud/v2 ✓`, a merged
 * experiment id `b-mlruns:0`) becomes a readable slug plus a short hash of the original, so two
 * names that slug alike still get different pages.
 */

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function safeSegment(value: string): string {
  if (PLAIN.test(value)) return value;
  return `${readable(value) || 'x'}-${fnv1a(value)}`;
}

/** A file name for a URL and every OS: plain names as they are, others slugged like `safeSegment` with their extension kept last. */
export function safeFileName(name: string): string {
  if (PLAIN.test(name)) return name;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  return `${readable(name.slice(0, name.length - ext.length)) || 'x'}-${fnv1a(name)}${ext}`;
}

function readable(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60);
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
