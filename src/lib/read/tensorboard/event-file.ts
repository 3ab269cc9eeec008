/**
 * One event file → its events added to the run's log. Every record's data CRC is checked before
 * it is decoded: a record that fails it, or holds no Event protobuf, or an Event whose wall time
 * is not a number, is skipped and counted; the first offset of each is kept for the warning.
 */
import { maskedCrc32c } from './crc32c.ts';
import { EventType, type EventMessage } from './proto.ts';
import type { RunLog } from './run-log.ts';
import { readRecords, type FramingStop } from './tfrecord.ts';

export interface Skipped {
  count: number;
  /** File offset of the first skipped record. */
  first: number;
}

export interface EventFileReport {
  bytes: number;
  records: number;
  /** Events added to the log. */
  events: number;
  badCrc?: Skipped;
  undecodable?: Skipped;
  badWallTime?: Skipped;
  stop?: FramingStop;
}

export function readEventFile(file: string, log: RunLog, chunkBytes?: number): EventFileReport {
  const skipped: Pick<EventFileReport, 'badCrc' | 'undecodable' | 'badWallTime'> = {};
  const skip = (what: keyof typeof skipped, offset: number) => {
    const seen = skipped[what];
    if (seen) seen.count += 1;
    else skipped[what] = { count: 1, first: offset };
  };
  let events = 0;
  const framing = readRecords(
    file,
    (data, offset, crc) => {
      if (maskedCrc32c(data) !== crc) return skip('badCrc', offset);
      let event: EventMessage;
      try {
        event = EventType.decode(data) as unknown as EventMessage;
      } catch {
        return skip('undecodable', offset);
      }
      if (!Number.isFinite(event.wall_time)) return skip('badWallTime', offset);
      log.add(event);
      events += 1;
    },
    chunkBytes,
  );
  return { bytes: framing.bytes, records: framing.records, events, ...skipped, ...(framing.stop ? { stop: framing.stop } : {}) };
}
