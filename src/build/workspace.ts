/**
 * A build's temporary folder: Astro's root, its caches, the data files staged before Astro runs,
 * and the finished site before it replaces --out. Nothing of a build lives anywhere else until
 * the end, so a failed or interrupted build leaves no trace: the folder is removed when the build
 * ends, and (registered for the lifetime of the build only) when the process exits early.
 *
 * The root is a small Astro project of its own: a copy of the package's site sources (`src/`:
 * pages, components, layouts, styles and the shared modules they import; `public/`), and a
 * `node_modules/` of links to exactly the folders this package's own dependencies resolve to.
 * Copied, not referenced in place: Astro takes a file outside its root that shares no folder with
 * it for a root-relative path (vite-plugin-utils `normalizeFilename`), and the package may sit on a
 * read-only disk anyway. Linked, so whatever the install layout (npm, pnpm, global, a clone) the
 * build sees the versions the package was installed with. The package folder is never written.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';

export interface Workspace {
  root: string;
  /** Data files (`data/…` of the site), written before Astro renders and moved in after. */
  data: string;
  /** Astro's output: the finished site before it is published. */
  site: string;
  cache: string;
  /** The views handed to the pages. */
  views: string;
  remove: () => void;
}

export function createWorkspace(tmpdir: string): Workspace {
  const { path: root, remove } = temporaryFolder(tmpdir, 'runfolio-build-');
  try {
    copySiteSources(root);
    linkDependencies(join(root, 'node_modules'));
    mkdirSync(join(root, 'data'));
  } catch (error) {
    remove();
    throw error;
  }
  return { root, data: join(root, 'data'), site: join(root, 'site'), cache: join(root, 'cache'), views: join(root, 'views.json'), remove };
}

/**
 * A fresh folder under `tmpdir` and the function that removes it; until then it is also removed
 * if the process exits early (a second Ctrl-C), and the exit hook goes with the folder.
 */
export function temporaryFolder(tmpdir: string, prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir, prefix));
  const remove = () => {
    process.removeListener('exit', remove);
    rmSync(path, { recursive: true, force: true });
  };
  process.on('exit', remove);
  return { path, remove };
}

/** What Vite compiles: the Astro side of the package, shipped as source. */
export const SITE_SOURCES = ['src/pages', 'src/components', 'src/layouts', 'src/styles', 'src/lib', 'public'];
/**
 * Folders of `src/lib` no page imports (the readers, the compare Markdown): they run compiled,
 * from `dist/`, so the package leaves their sources out (`!` entries of package.json `files`)
 * and builds do not copy them.
 */
export const NODE_ONLY_SOURCES = ['src/lib/read', 'src/lib/compare'];

function copySiteSources(root: string): void {
  const skipped = new Set(NODE_ONLY_SOURCES.map((folder) => join(PACKAGE_ROOT, folder)));
  for (const folder of SITE_SOURCES) cpSync(join(PACKAGE_ROOT, folder), join(root, folder), { recursive: true, filter: (source) => !skipped.has(source) });
}

function linkDependencies(modules: string): void {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    const folder = packageFolder(require, name);
    if (folder === undefined) continue;
    const link = join(modules, name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(folder, link, process.platform === 'win32' ? 'junction' : 'dir');
  }
}

/** The folder `name` resolves to from this package, found the way Node looks (`node_modules` upwards). */
function packageFolder(require: NodeJS.Require, name: string): string | undefined {
  for (const modules of require.resolve.paths(name) ?? []) {
    const folder = join(modules, name);
    if (statSync(join(folder, 'package.json'), { throwIfNoEntry: false })?.isFile()) return folder;
  }
  return undefined;
}
