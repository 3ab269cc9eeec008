/**
 * `runfolio demo`: the demo site in one command, so a new user sees a whole site before pointing
 * Runfolio at a store of their own. The demo store is generated (src/generate/demo/, seeded:
 * the same files every time) into a temporary folder, built with the demo reports shipped in the
 * package's content/ folder, and removed again; nothing but --out is written.
 */
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../build/package-root.ts';
import { temporaryFolder } from '../../build/workspace.ts';
import { commandHelp, parseCommand } from '../args.ts';
import { buildReporter, type CliIO } from '../io.ts';
import { demoSpec } from '../specs.ts';
import { normalizeBase } from './build.ts';
import { UsageError } from '../../lib/errors.ts';
import { tmpdir } from 'node:os';

/** The demo's static comparison: the baseline against the registry's champion. */
const DEMO_COMPARE = [['cifar10-resnet/resnet18-baseline', 'models:/cifar10-classifier@champion']];

export async function demoCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(demoSpec, argv);
  if (values.help) return io.stdout(commandHelp(demoSpec)), 0;
  const base = typeof values.base === 'string' ? normalizeBase(values.base) : undefined;
  const archive = values.archive === true;
  if (archive && base) throw new UsageError('demo: --archive makes every link relative; leave out --base');
  const outDir = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'runfolio-demo');
  const { build, nodeBuildEffects } = await import('../../build/index.ts');
  const { writeDemoStore } = await import('../../generate/demo/index.ts');
  const { parseRedactions } = await import('../../lib/redact.ts');
  const store = temporaryFolder(tmpdir(), 'runfolio-demo-');
  try {
    const mlruns = join(store.path, 'mlruns');
    writeDemoStore(mlruns);
    const reporter = buildReporter(io, values.verbose === true);
    const summary = await build(
      {
        stores: [mlruns],
        content: join(PACKAGE_ROOT, 'content'),
        outDir,
        cwd: io.cwd,
        title: 'Runfolio demo',
        ...(base ? { base } : {}),
        compare: DEMO_COMPARE,
        redactions: parseRedactions([]),
        archive,
        verbose: values.verbose === true,
      },
      nodeBuildEffects(reporter.report, io.signal),
    );
    io.stderr(`built the demo site in ${outDir}: ${summary.runs} run pages, ${summary.experiments} experiments; open ${join(outDir, 'index.html')}${archive ? '' : ' through a web server (npx serve …), or build it with --archive to open it from disk'}\n`);
    return 0;
  } finally {
    store.remove();
  }
}
