/**
 * Handwritten reports: `content/reports/*.md`, Markdown with YAML front matter (gray-matter).
 * Front matter: `title` (required), `date`, `summary`, `runs` (ids the report discusses). A file
 * whose front matter is invalid is skipped with a warning naming it and the key.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import fg from 'fast-glob';
import matter from 'gray-matter';
import { z } from 'zod';
import { compareStrings } from '../order.ts';

export interface Report {
  slug: string;
  title: string;
  date?: string;
  summary?: string;
  runs: string[];
  /** The Markdown body (untrusted: rendered sanitized). */
  body: string;
}

const FrontMatter = z.object({
  title: z.string({ error: 'title must be a string' }).min(1, { error: 'title must not be empty' }),
  date: z
    .union([z.string(), z.date()])
    .optional()
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
  summary: z.string().optional(),
  runs: z.array(z.string()).optional().default([]),
});

export async function readReports(contentDir: string, warn: (path: string, message: string) => void): Promise<Report[]> {
  const dir = join(contentDir, 'reports');
  const files = (await fg('*.md', { cwd: dir, onlyFiles: true, followSymbolicLinks: false })).sort(compareStrings);
  const reports: Report[] = [];
  for (const file of files) {
    const path = `reports/${file}`;
    let parsed;
    try {
      parsed = matter(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      warn(path, `front matter is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); report skipped`);
      continue;
    }
    const front = FrontMatter.safeParse(parsed.data);
    if (!front.success) {
      const issue = front.error.issues[0];
      warn(path, `${issue?.path.join('.') || 'front matter'}: ${issue?.message}; report skipped`);
      continue;
    }
    reports.push({ slug: basename(file, '.md'), ...front.data, body: parsed.content });
  }
  return reports;
}
