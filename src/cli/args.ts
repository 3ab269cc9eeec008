/**
 * Command-line parsing on `node:util` parseArgs, with each option described once: the same
 * description parses the arguments and prints `--help`.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../lib/errors.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder shown in help: `--store PATH`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional arguments, as shown in the usage line (`RUN...`); none when absent. */
  positionals?: string;
  options: Record<string, OptionSpec>;
  /** Extra help text after the options. */
  notes?: string;
}

export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'Show this help and exit.' },
  verbose: { type: 'boolean', description: 'Print details (stack traces) with errors.' },
};

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

export function parseCommand(spec: CommandSpec, argv: string[]): { values: ParsedValues; positionals: string[] } {
  const options = { ...spec.options, ...COMMON_OPTIONS };
  try {
    const parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false, ...(o.short ? { short: o.short } : {}) }]),
      ),
      allowPositionals: spec.positionals !== undefined,
      strict: true,
    });
    return { values: parsed.values as ParsedValues, positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${spec.name}: ${message} (see runfolio ${spec.name} --help)`);
  }
}

export function commandHelp(spec: CommandSpec): string {
  const options = { ...spec.options, ...COMMON_OPTIONS };
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}${o.multiple ? '...' : ''}`;
    return [flag, o.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = [
    `Usage: runfolio ${spec.name} [options]${spec.positionals ? ` ${spec.positionals}` : ''}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}${description}`),
  ];
  if (spec.notes) lines.push('', spec.notes);
  return `${lines.join('\n')}\n`;
}

/** A required string option, or a UsageError naming it. */
export function requireString(spec: CommandSpec, values: ParsedValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`${spec.name}: --${name} is required (see runfolio ${spec.name} --help)`);
  return value;
}

/** A repeatable string option as a list (at least one when `required`). */
export function stringList(spec: CommandSpec, values: ParsedValues, name: string, required = false): string[] {
  const value = values[name];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  if (required && list.length === 0) throw new UsageError(`${spec.name}: --${name} is required (see runfolio ${spec.name} --help)`);
  return list;
}
