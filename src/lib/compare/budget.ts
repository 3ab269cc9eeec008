/**
 * Text under a character limit by construction. The document is a list of blocks, each with a
 * head and a tail that go together, lines that may be cut from the end, and a note saying how
 * many lines were left out. Blocks get room in priority order (lower first), so what is left out
 * first is the lowest priority's last lines; once a block is cut, every later one is left out
 * whole, and says so. Every block's note has room set aside before any block is placed, so the
 * result never passes the limit.
 */

export interface Block {
  /** Lower numbers get room first. */
  priority: number;
  head: string;
  lines: string[];
  tail: string;
  /** The note shown where `left` lines (or, when `whole`, the block) were left out; at most NOTE_MAX characters. */
  note: (left: number, whole: boolean) => string;
}

export const NOTE_MAX = 300;

/** The blocks joined in the order given, at most `limit` characters. */
export function fitBlocks(blocks: readonly Block[], limit: number): { text: string; leftOut: number } {
  let room = limit - blocks.length * NOTE_MAX;
  const placed = blocks.map(() => ({ whole: false, lines: 0 }));
  const order = blocks.map((block, i) => ({ block, i })).sort((a, b) => a.block.priority - b.block.priority || a.i - b.i);
  // Once a block is cut, every block after it in priority is left out whole: parts are left out
  // strictly in the documented order (a shorter line of a later block never jumps the queue).
  let cut = false;
  for (const { block, i } of order) {
    const frame = block.head.length + block.tail.length;
    if (cut || frame > room) {
      cut = true;
      continue;
    }
    room -= frame;
    const slot = placed[i] as { whole: boolean; lines: number };
    slot.whole = true;
    for (const line of block.lines) {
      if (line.length + 1 > room) {
        cut = true;
        break;
      }
      room -= line.length + 1;
      slot.lines += 1;
    }
  }
  let leftOut = 0;
  const parts = blocks.map((block, i) => {
    const slot = placed[i] as { whole: boolean; lines: number };
    if (!slot.whole) {
      if (block.lines.length === 0 && block.head === '') return '';
      leftOut += 1;
      return clip(block.note(block.lines.length, true));
    }
    const left = block.lines.length - slot.lines;
    if (left > 0) leftOut += 1;
    const lines = block.lines.slice(0, slot.lines).map((line) => `${line}\n`).join('');
    return `${block.head}${lines}${left > 0 ? clip(block.note(left, false)) : ''}${block.tail}`;
  });
  return { text: parts.join(''), leftOut };
}

function clip(note: string): string {
  return note.length <= NOTE_MAX ? note : `${note.slice(0, NOTE_MAX - 2)}…\n`;
}
