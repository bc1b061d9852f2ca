/** The audit as one self-contained HTML page. */
import { cellsOf, HEADERS, rowOf } from './columns.js';
import { ALARMING, CLASSIFICATIONS, type AuditEntry } from './entry.js';
import { countsLine } from './render-text.js';
import { countsOf } from './summary.js';

/**
 * One self-contained page: the counts at the top, a table that filters by repository and
 * classification, bypassed and foreign rows highlighted. No request leaves the page: the style
 * and the script are inline, and a content security policy forbids loading anything.
 */
export function renderHtml(entries: AuditEntry[], generatedAt: Date): string {
  const counts = countsOf(entries);
  const repositories = [...new Set(entries.map((entry) => entry.repository))].sort();
  const rows = entries
    .map((entry) => {
      const row = rowOf(entry);
      const cells = cellsOf(row).map(escape);
      cells[1] = `<a href="${href(row.changeUrl)}">${cells[1]}</a>`;
      if (row.verdictUrl) cells[5] = `<a href="${href(row.verdictUrl)}">${cells[5]}</a>`;
      const alarm = ALARMING.has(entry.classification) ? ' class="alarm"' : '';
      return (
        `<tr${alarm} data-repository="${attribute(entry.repository)}" data-classification="${entry.classification}">` +
        cells.map((cell) => `<td>${cell}</td>`).join('') +
        '</tr>'
      );
    })
    .join('\n');
  const countCells = [
    ['total', counts.total],
    ...CLASSIFICATIONS.map((name) => [name, counts[name]] as const),
  ]
    .map(
      ([name, count]) =>
        `<div class="count${ALARMING.has(name as never) && Number(count) > 0 ? ' alarm' : ''}" data-count="${name}"><b>${count}</b> ${escape(String(name))}</div>`,
    )
    .join('');
  const option = (value: string) => `<option value="${attribute(value)}">${escape(value)}</option>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>checklist-gate audit</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1f2328; }
h1 { font-size: 20px; margin: 0 0 4px; }
.counts { display: flex; gap: 12px; margin: 16px 0; flex-wrap: wrap; }
.count { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 14px; }
.count b { font-size: 20px; display: block; }
.count.alarm { border-color: #cf222e; background: #ffebe9; }
.filters { margin: 12px 0; display: flex; gap: 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #d0d7de; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
tr.alarm td { background: #ffebe9; }
tr.alarm td:nth-child(8) { color: #cf222e; font-weight: 600; }
td:nth-child(5) { font-family: ui-monospace, monospace; }
</style>
</head>
<body>
<h1>checklist-gate audit</h1>
<p>${escape(countsLine(counts))}. Generated ${escape(generatedAt.toISOString())}.</p>
<div class="counts">${countCells}</div>
<div class="filters">
<label>Repository <select id="repository"><option value="">all</option>${repositories.map(option).join('')}</select></label>
<label>Classification <select id="classification"><option value="">all</option>${CLASSIFICATIONS.map(option).join('')}</select></label>
<span id="shown"></span>
</div>
<table>
<thead><tr>${HEADERS.map((header) => `<th>${escape(header)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<script>
(function () {
  var repository = document.getElementById('repository');
  var classification = document.getElementById('classification');
  var rows = document.querySelectorAll('tbody tr');
  function filter() {
    var shown = 0;
    rows.forEach(function (row) {
      var show = (!repository.value || row.dataset.repository === repository.value) &&
        (!classification.value || row.dataset.classification === classification.value);
      row.hidden = !show;
      if (show) shown++;
    });
    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' shown';
  }
  repository.addEventListener('change', filter);
  classification.addEventListener('change', filter);
  filter();
})();
</script>
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function attribute(text: string): string {
  return escape(text);
}

/** A link is kept only when it is http(s), so no script can ride in on one. */
function href(url: string): string {
  return /^https?:\/\//i.test(url) ? escape(url) : '#';
}
