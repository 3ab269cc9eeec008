/**
 * The compare page's artifacts: each path two or more of the chosen runs have, their copies side
 * by side (artifact-kinds.ts `sharedArtifacts`). Images show as they are; SVGs through `<img>`
 * from a blob (never a document of the site's origin); text and CSV files are fetched when the
 * section comes into view and shown with the build's own rules (highlight.ts, csv-preview.ts).
 * The classes are the site's (site.css), so these look like the static comparison's.
 */
import { useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { firstLines, isCodeKind, sharedArtifacts } from '../../lib/site/artifact-kinds.ts';
import { csvPreview, type CsvPreview } from '../../lib/site/csv-preview.ts';
import { formatBytes, runName } from '../../lib/site/format.ts';
import { highlight, type Token } from '../../lib/site/highlight.ts';
import { withBase } from '../../lib/site/paths.ts';
import type { ArtifactSummary, RunSummaryData } from '../../lib/site/run-data.ts';
import { useVisible } from './use-visible.ts';

export interface CompareArtifactsProps {
  base: string;
  runs: readonly RunSummaryData[];
}

/** Shared paths shown at most: each may fetch a file per run. */
const MAX_PATHS = 12;

export default function CompareArtifacts({ base, runs }: CompareArtifactsProps) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  const visible = useVisible(ref);
  const shared = sharedArtifacts(runs.map((r) => r.artifacts ?? []));
  if (shared.length === 0) return null;
  return (
    <section ref={ref} aria-labelledby={`${id}-artifacts`}>
      <h2 id={`${id}-artifacts`}>Artifacts</h2>
      <p className="muted">
        Files two or more of these runs have under the same path{shared.length > MAX_PATHS ? ` (the first ${MAX_PATHS} of ${shared.length})` : ''}.
      </p>
      {shared.slice(0, MAX_PATHS).map(({ path, runs: items }) => (
        <div key={path} className="artifact-compare">
          <h3>
            <code>{path}</code>
          </h3>
          <div className="artifact-row" style={{ '--runs': items.length } as CSSProperties}>
            {items.map((artifact, i) => (
              <figure key={runs[i]!.id} className="artifact">
                <figcaption>
                  {runName(runs[i]!)}
                  {artifact ? <span className="muted"> · {formatBytes(artifact.size)}</span> : null}
                </figcaption>
                {artifact ? <ArtifactCell base={base} artifact={artifact} load={visible} /> : <p className="muted">Not in this run.</p>}
              </figure>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}

function ArtifactCell({ base, artifact, load }: { base: string; artifact: ArtifactSummary; load: boolean }) {
  const url = artifact.file === undefined ? undefined : withBase(artifact.file, base);
  const link = url ? (
    <a href={url} {...(artifact.download ? { download: artifact.download } : {})}>
      <code>{artifact.path}</code>
    </a>
  ) : (
    <code>{artifact.path}</code>
  );
  if (!url) return <p className="muted">{link} — not copied into this site.</p>;
  if (artifact.kind === 'image') return <img className="artifact-image" src={url} alt={`Artifact ${artifact.path}`} loading="lazy" decoding="async" />;
  if (artifact.kind === 'svg' || artifact.kind === 'csv' || isCodeKind(artifact.kind)) {
    return load ? <FetchedPreview url={url} artifact={artifact} link={link} /> : <p className="muted">Loads when you scroll here.</p>;
  }
  return <p className="muted">{link}</p>;
}

type Fetched = { state: 'loading' } | { state: 'error'; message: string } | { state: 'svg'; src: string } | { state: 'table'; table: CsvPreview } | { state: 'code'; tokens: Token[]; more: boolean };

function FetchedPreview({ url, artifact, link }: { url: string; artifact: ArtifactSummary; link: ReactNode }) {
  const [fetched, setFetched] = useState<Fetched>({ state: 'loading' });
  useEffect(() => {
    let objectUrl: string | undefined;
    let live = true;
    fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
        return response.text();
      })
      .then((text) => {
        if (!live) return;
        if (artifact.kind === 'svg') {
          objectUrl = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
          setFetched({ state: 'svg', src: objectUrl });
        } else if (artifact.kind === 'csv') setFetched({ state: 'table', table: csvPreview(text, artifact.path.toLowerCase().endsWith('.tsv') ? '\t' : ',') });
        else {
          const { shown, truncated } = firstLines(text);
          setFetched({ state: 'code', tokens: highlight(shown, artifact.kind === 'json' || artifact.kind === 'yaml' ? artifact.kind : 'text'), more: truncated });
        }
      })
      .catch((e: unknown) => live && setFetched({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, artifact.kind, artifact.path]);
  switch (fetched.state) {
    case 'loading':
      return <p className="muted">Loading {link}…</p>;
    case 'error':
      return <p className="muted">{link} could not be loaded: {fetched.message}</p>;
    case 'svg':
      return <img className="artifact-image" src={fetched.src} alt={`Artifact ${artifact.path}`} />;
    case 'table':
      return (
        <div className="table-wrap" tabIndex={0}>
          <table className="csv">
            <thead>
              <tr>{fetched.table.header.map((cell, i) => <th key={i} scope="col">{cell}</th>)}</tr>
            </thead>
            <tbody>
              {fetched.table.rows.map((row, r) => (
                <tr key={r}>{row.map((cell, c) => <td key={c}>{cell}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'code':
      return (
        <>
          <pre className="code" tabIndex={0}>
            <code>{fetched.tokens.map(([kind, text], i) => (kind ? <span key={i} className={`tok-${kind}`}>{text}</span> : text))}</code>
          </pre>
          {fetched.more ? <p className="muted artifact-note">The first lines; {link} has them all.</p> : null}
        </>
      );
  }
}
