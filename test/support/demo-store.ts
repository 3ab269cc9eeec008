/** The demo store (src/generate/demo/), written once per test file into a temp folder. */
import { join } from 'node:path';
import { writeDemoStore } from '../../src/generate/demo/index.ts';
import { tempDir } from './tmp.ts';

/** The cifar10-resnet experiment: a batch_size × lr sweep with val/loss and val/accuracy histories. */
export const DEMO_CIFAR = '427193846021337512';
/** The churn-prediction experiment: three models by val_auc. */
export const DEMO_CHURN = '815022697413508861';

// Made when a test file loads this module (outside any test), so it lives as long as the file.
const folder = tempDir('runfolio-demo-');
let written: string | undefined;

/** The path of the demo store's mlruns folder, written on first use. */
export function demoStore(): string {
  if (written === undefined) {
    written = join(folder, 'mlruns');
    writeDemoStore(written);
  }
  return written;
}
