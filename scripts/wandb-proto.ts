/** Rewrites src/lib/read/wandb/proto/descriptor.ts from the vendored wandb .proto files. */
import { writeFileSync } from 'node:fs';
import { DESCRIPTOR_MODULE, descriptorModule } from './lib/wandb-proto.ts';

writeFileSync(DESCRIPTOR_MODULE, descriptorModule());
process.stdout.write(`wrote ${DESCRIPTOR_MODULE}\n`);
