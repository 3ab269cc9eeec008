/**
 * A store whose names, params, tags and notes are hostile (test/support/hostile-store.ts): the
 * site shows them as text, runs none of them, drops javascript: URLs, and publishes no secret.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, inject, it } from 'vitest';
import { HOSTILE_RUNS, SECRETS, XSS } from '../support/hostile-store.ts';
import { htmlPages, load } from '../support/html.ts';

const site = inject('sites').hostile!;
const pages = htmlPages(site.out);

describe('a site built from a hostile store', () => {
  it('runs no script but its own: every <script> is Astro hydration code, none carries store text', () => {
    for (const page of pages) {
      const $ = load(site.out, page);
      $('script').each((_, el) => {
        const text = $(el).html() ?? '';
        expect(text, page).not.toMatch(/alert\(/);
      });
    }
  });

  it('has no event-handler attributes and no javascript: URLs anywhere', () => {
    for (const page of pages) {
      const $ = load(site.out, page);
      $('*').each((_, el) => {
        for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
          expect(name.startsWith('on'), `${page}: <${(el as { name: string }).name} ${name}>`).toBe(false);
          if (['href', 'src', 'action', 'formaction', 'srcset'].includes(name)) expect(value.trim().toLowerCase().startsWith('javascript:'), `${page}: ${name}=${value}`).toBe(false);
        }
      });
    }
  });

  it('shows hostile names and values as text', () => {
    const run = load(site.out, `runs/${HOSTILE_RUNS.a}/index.html`);
    expect(run('h1').text()).toContain(XSS.run);
    expect(run('#params').parent().text()).toContain(XSS.paramValue);
    expect(run('#params').parent().text()).toContain(XSS.paramKey);
    expect(run('#metrics').parent().text()).toContain(XSS.metric);
    const home = load(site.out, 'index.html');
    expect(home('.brand').text()).toBe('<script>alert("title")</script>');
    expect(home('#experiments').parent().text()).toContain(XSS.experiment);
  });

  it('renders notes as Markdown with raw HTML escaped and unsafe links dropped', () => {
    const run = load(site.out, `runs/${HOSTILE_RUNS.a}/index.html`);
    const note = run('#note').parent().find('.prose');
    expect(note.find('h1').text()).toBe('Note');
    expect(note.find('table td').first().text()).toBe('<b>x</b>');
    expect(note.find('script, img, iframe').length).toBe(0);
    expect(note.text()).toContain('<script>alert("note")</script>');
    const link = note.find('a').filter((_, a) => run(a).text() === 'click me');
    expect(link.attr('href') ?? '').toBe('');
  });

  it('publishes no secret in any file of the site, and masks home folders', () => {
    const files = fg.sync('**/*', { cwd: site.out, dot: true });
    for (const file of files) {
      const text = readFileSync(join(site.out, file), 'utf8');
      for (const secret of [SECRETS.apiKey, SECRETS.password, SECRETS.awsKey, 's3cr3tpw', '/home/maya']) expect(text.includes(secret), `${file} holds ${secret}`).toBe(false);
    }
    const run = load(site.out, `runs/${HOSTILE_RUNS.a}/index.html`);
    const params = Object.fromEntries(run('#params').parent().find('tbody tr').map((_, tr) => [[run(tr).find('th').text(), run(tr).find('td').text()]]).get());
    expect(params.openai_api_key).toBe('[redacted]');
    expect(params.db_password).toBe('[redacted]');
    // The whole user info goes: a user name can be a token itself (https://TOKEN@host).
    expect(params.db_url).toBe('postgresql://[redacted]@db.internal:5432/ml');
    expect(params.train_path).toBe('~/projects/churn/data/train.csv');
    expect(params.max_tokens).toBe('512');
  });
});
