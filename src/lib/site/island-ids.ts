/**
 * Astro names each island (`<astro-island uid="…">`) by a hash that includes the component's
 * absolute file path (runtime/server/render/component.js `astroId`). A build is rooted in a fresh
 * temporary folder, so that path, and with it the page, would differ on every build and every
 * machine. The uid only serves Astro's development server; after the build each island gets one
 * derived from what the page itself says of it (its place and its other attributes: the
 * component's chunk URL, export and props), so the same input gives the same bytes.
 */
import { fnv1a } from './slugs.ts';

const ISLAND_UID = /<astro-island uid="[^"]*"([^>]*)>/g;

export function stableIslandIds(html: string): string {
  if (!html.includes('<astro-island')) return html;
  let index = 0;
  return html.replace(ISLAND_UID, (_, rest: string) => `<astro-island uid="${fnv1a(`${index++}\0${rest}`)}"${rest}>`);
}
