/**
 * Text with its matching part in `<mark>`, built from React text nodes only: names come from the
 * store and are never parsed as HTML.
 */
import { highlightParts } from './match.ts';

export interface HighlightProps {
  text: string;
  /** The match, or undefined to show the text plain. */
  start?: number;
  length?: number;
}

export default function Highlight({ text, start, length }: HighlightProps) {
  if (start === undefined || length === undefined) return <>{text}</>;
  return <>{highlightParts(text, start, length).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
