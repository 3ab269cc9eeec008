/**
 * A report written to attack the site, over the hostile store (hostile-store.ts): markup in its
 * front matter, its Markdown, its embed bodies and the names they resolve to.
 */
import { HOSTILE_RUNS, XSS } from './hostile-store.ts';

const yamlQuote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The report's Markdown (content/reports/attack.md of the hostile site). */
export const HOSTILE_REPORT = [
  '---',
  `title: ${yamlQuote('<script>alert("title")</script>')}`,
  `summary: ${yamlQuote('"><img src=x onerror=alert("summary")>')}`,
  `authors: [${yamlQuote('<b onmouseover=alert(1)>eve</b>')}]`,
  `tags: [${yamlQuote('</span><script>alert("tag")</script>')}]`,
  `runs: [${HOSTILE_RUNS.a}]`,
  '---',
  '',
  '## <img src=x onerror=alert("heading")> results',
  '',
  '<script>alert("raw")</script> [click](javascript:alert("link"))',
  '',
  '```runfolio leaderboard',
  `experiment: ${yamlQuote(XSS.experiment)}`,
  `metric: ${yamlQuote(XSS.metric)}`,
  `caption: ${yamlQuote('<img src=x onerror=alert("caption")>')}`,
  `columns: [${yamlQuote(`params.\`${XSS.paramKey}\``)}, ${yamlQuote('metrics.accuracy')}]`,
  '```',
  '',
  '```runfolio diff',
  `runs: [${HOSTILE_RUNS.a}, ${HOSTILE_RUNS.b}]`,
  'show: all',
  'sections: [params, metrics, tags]',
  '```',
  '',
  '```runfolio history',
  `runs: [${HOSTILE_RUNS.a}, ${HOSTILE_RUNS.b}]`,
  `metric: ${yamlQuote(XSS.metric)}`,
  `caption: ${yamlQuote('</figcaption><script>alert("chart")</script>')}`,
  '```',
  '',
  '```runfolio scatter',
  `experiment: ${yamlQuote(XSS.experiment)}`,
  'metric: accuracy',
  `param: ${yamlQuote(XSS.paramKey)}`,
  '```',
  '',
  `Value \`\`runfolio:value run=${HOSTILE_RUNS.a} param="${XSS.paramKey}"\`\` and link \`\`runfolio:link run=${HOSTILE_RUNS.a} text="<script>alert('link')</script>"\`\` and \`\`runfolio:link model="${XSS.model}"\`\`.`,
  '',
].join('\n');

