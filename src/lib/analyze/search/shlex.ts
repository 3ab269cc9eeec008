/**
 * Python's `shlex.split(text)` (POSIX mode, no comments), which MLflow uses to cut an order_by
 * clause into key and direction after turning backticks into double quotes
 * (mlflow/utils/search_utils.py `_parse_order_by_string`). Quotes are removed and quoted parts
 * join the surrounding word; inside "…" a backslash escapes only `"` and `\`; outside quotes it
 * escapes any character. Returns undefined where shlex raises ValueError (an unclosed quote, a
 * trailing backslash). Each word carries the offset where it starts, for error carets.
 */

export interface ShlexWord {
  word: string;
  start: number;
}

export function shlexSplit(text: string): ShlexWord[] | undefined {
  const words: ShlexWord[] = [];
  let current: ShlexWord | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else (current as ShlexWord).word += c;
      continue;
    }
    if (quote === '"') {
      const next = text[i + 1];
      if (c === '\\' && (next === '"' || next === '\\')) {
        (current as ShlexWord).word += next;
        i += 1;
      } else if (c === '"') quote = undefined;
      else (current as ShlexWord).word += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (current !== undefined) words.push(current);
      current = undefined;
      continue;
    }
    current ??= { word: '', start: i };
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') {
      if (i + 1 >= text.length) return undefined;
      current.word += text[i + 1];
      i += 1;
    } else current.word += c;
  }
  if (quote !== undefined) return undefined;
  if (current !== undefined) words.push(current);
  return words;
}
