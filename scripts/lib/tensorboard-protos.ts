/** The vendored TensorBoard .proto files → the protobufjs JSON descriptor the reader loads. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import protobuf from 'protobufjs';

export const PROTO_DIR = fileURLToPath(new URL('../../src/lib/read/tensorboard/proto/', import.meta.url));
export const DESCRIPTOR_FILE = join(PROTO_DIR, 'descriptor.json');
const ENTRY_FILES = ['tensorboard/compat/proto/event.proto', 'tensorboard/plugins/hparams/plugin_data.proto'];

export function descriptorFromProtoFiles(): protobuf.INamespace {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(PROTO_DIR, target);
  root.loadSync(ENTRY_FILES, { keepCase: true });
  return root.toJSON();
}
