/**
 * Regenerates src/lib/read/tensorboard/proto/descriptor.json from the vendored TensorBoard .proto
 * files beside it (see UPSTREAM.md there). Run after updating the vendored files:
 *   node scripts/tensorboard-protos.ts
 */
import { writeFileSync } from 'node:fs';
import { DESCRIPTOR_FILE, descriptorFromProtoFiles } from './lib/tensorboard-protos.ts';

writeFileSync(DESCRIPTOR_FILE, `${JSON.stringify(descriptorFromProtoFiles(), null, 1)}\n`);
process.stderr.write(`wrote ${DESCRIPTOR_FILE}\n`);
