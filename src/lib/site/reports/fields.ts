/**
 * Zod fields for front matter and embed bodies, over the failsafe YAML of yaml-body.ts (every
 * scalar is text) and the `key=value` pairs of inline embeds (also text): numbers and flags are
 * read from the text here, once, so both forms accept and reject the same things. Messages say
 * what was expected and what was found; `problemsOf` turns a failed parse into one line per issue
 * naming the key, with near spellings for unknown keys.
 */
import { z } from 'zod';
import { suggestion } from './suggest.ts';

/** How a found value reads in a message. */
export function describe(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Text `parse` reads as a value, else an issue "must be WHAT, got …". */
function parsed<T>(what: string, parse: (text: string) => T | undefined) {
  return z.string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}, got ${describe(issue.input)}`) }).transform((text, ctx) => {
    const value = parse(text.trim());
    if (value === undefined) {
      ctx.issues.push({ code: 'custom', message: `must be ${what}, got ${describe(text)}`, input: text });
      return z.NEVER;
    }
    return value;
  });
}

/** Non-empty text, trimmed. */
export function text(what = 'text') {
  return parsed(what, (s) => (s === '' ? undefined : s));
}

/** One text or a list of them (at least one). */
export function textList(what = 'text') {
  return z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text(what), { error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what} or a list of them, got ${describe(issue.input)}`) }).min(1, { error: 'must not be an empty list' }));
}

export function wholeNumber(min: number, max: number) {
  return parsed(`a whole number from ${min} to ${max}`, (s) => (/^\d+$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : undefined));
}

export function decimal(min: number, max: number) {
  return parsed(`a number from ${min} to ${max}`, (s) => {
    const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
    return n >= min && n <= max ? n : undefined;
  });
}

export function flag() {
  return parsed('true or false', (s) => (s === 'true' ? true : s === 'false' ? false : undefined));
}

export function oneOf<const T extends string>(values: readonly T[]) {
  return parsed(`one of ${values.join(', ')}`, (s) => (values as readonly string[]).includes(s) ? (s as T) : undefined);
}

export interface FieldProblem {
  /** The top-level key at fault, when there is one (for its line). */
  key?: string;
  message: string;
}

/** A failed parse as one problem per issue: `key: message`, unknown keys with near spellings. */
export function problemsOf(error: z.ZodError, knownKeys: readonly string[]): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ key, message: `unknown key ${JSON.stringify(key)}${suggestion(key, knownKeys, 'keys')}` }));
    }
    const path = issue.path.map(String);
    const key = path[0];
    return [{ ...(key !== undefined ? { key } : {}), message: path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message }];
  });
}
