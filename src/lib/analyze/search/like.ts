/**
 * LIKE / ILIKE patterns as MLflow's file store matches them (mlflow/utils/search_utils.py
 * `_convert_like_pattern_to_regex`, `_like`, `_ilike`): `%` is any run of characters, `_` any one
 * character, every other character stands for itself (regex metacharacters are escaped since
 * mlflow/mlflow#16667), ILIKE ignores case, LIKE does not. The pattern becomes a Python regex used
 * with `re.match` and no DOTALL, and we keep that regex's two quirks: a wildcard never matches a
 * line break, and a pattern that does not end in `%` also matches a value ending in one extra
 * `\n` (Python's `$`). SQL stores match across line breaks; values with line breaks are rare.
 *
 * The RegExp is built once per clause, never per run.
 */

export function likeMatcher(pattern: string, ignoreCase: boolean): (value: string) => boolean {
  let source = '^';
  for (const c of pattern) {
    if (c === '%') source += '[^\\n]*';
    else if (c === '_') source += '[^\\n]';
    else source += c.replace(/[\\^$.*+?()[\]{}|/]/, '\\$&');
  }
  if (!pattern.endsWith('%')) source += '\\n?$';
  const regex = new RegExp(source, ignoreCase ? 'iu' : 'u');
  return (value) => regex.test(value);
}
