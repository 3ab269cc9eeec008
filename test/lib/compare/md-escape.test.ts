import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/lib/compare/md-escape.ts';

describe('escapeMarkdown(text)', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['`code`', '\\`code\\`'],
    ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
    ['line1\nline2\r\nline3', 'line1↵line2↵line3'],
    ['[link](javascript:x)', '\\[link\\](javascript:x)'],
    ['&amp; &lt;', '&amp;amp; &amp;lt;'],
    ['tab\there', 'tab here'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('breaks @mentions with a zero-width space', () => {
    expect(escapeMarkdown('ping @octocat')).toBe('ping @\u200boctocat');
  });

  it('cuts long text at the limit with an ellipsis, counting code points', () => {
    expect(escapeMarkdown('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(escapeMarkdown('😀'.repeat(12), 10)).toBe(`${'😀'.repeat(9)}…`);
  });
});
