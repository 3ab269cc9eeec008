/** Builds the test sites once for the whole run (see test/support/sites.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSites, siteDefinitions, type Sites } from './support/sites.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Sites;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const work = mkdtempSync(join(tmpdir(), 'runfolio-sites-'));
  try {
    const sites = siteDefinitions(work);
    const started = performance.now();
    await buildSites(sites);
    process.stderr.write(`built ${Object.keys(sites).length} test sites in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    project.provide('sites', sites);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  return () => rmSync(work, { recursive: true, force: true });
}
