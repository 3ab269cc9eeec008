/**
 * Regenerates src/lib/read/tensorboard/proto/descriptor.ts from the vendored TensorBoard .proto
 * files beside it (see UPSTREAM.md there). Run after updating the vendored files:
 *   node scripts/tensorboard-protos.ts
 */
import { writeFileSync } from 'node:fs';
import { DESCRIPTOR_FILE, descriptorModule } from './lib/tensorboard-protos.ts';

writeFileSync(DESCRIPTOR_FILE, descriptorModule());
process.stderr.write(`wrote ${DESCRIPTOR_FILE}\n`);
