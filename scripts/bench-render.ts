/**
 * Times the one Markdown renderer on a 100,000-character tip (the body limit) of mixed content:
 * headings, paragraphs, lists, tables, links and highlighted code in the languages staff use.
 * Usage: npm run bench:render
 */
import { performance } from 'node:perf_hooks';
import { renderMarkdown } from '../server/markdown/render';

const BLOCKS = [
  '## 手順{n}: 重複を削除する\n\nデータタブの「重複の削除」を使うと、選択した列が同じ行を一度に消せます。**元データは必ずコピーを取ってから**操作してください。詳しくは [Microsoft のヘルプ](https://support.example.jp/excel) を参照。\n',
  '- 範囲を選択する\n- 「データ」→「重複の削除」\n- 対象の列にチェックを入れて OK\n  1. 件数を確認\n  2. 保存\n',
  '| 関数 | 用途 | 例 |\n| --- | --- | --- |\n| VLOOKUP | 縦方向の検索 | `=VLOOKUP(A2,台帳!A:D,3,FALSE)` |\n| XLOOKUP | 新しい検索 | `=XLOOKUP(A2,台帳!A:A,台帳!C:C,"なし")` |\n| COUNTIFS | 複数条件の件数 | `=COUNTIFS(B:B,"税務課",C:C,">=2026/4/1")` |\n',
  '```vba\nSub 転記()\n    Dim ws As Worksheet, i As Long\n    Set ws = ThisWorkbook.Worksheets("集計")\n    For i = 2 To ws.Cells(ws.Rows.Count, 1).End(xlUp).Row\n        If ws.Cells(i, 3).Value = "" Then ws.Cells(i, 3).Value = "未入力"\n    Next i\nEnd Sub\n```\n',
  '```powershell\nGet-ChildItem -Path "\\\\fileserver\\共有\\申請書" -Filter *.pdf |\n  Rename-Item -NewName { $_.Name -replace "^申請_", "2026_申請_" }\n```\n',
  '```sql\nSELECT 課名, COUNT(*) AS 件数 FROM 申請 WHERE 受付日 >= #2026/04/01# GROUP BY 課名 ORDER BY 件数 DESC;\n```\n',
  '> 注意：個人情報を含むファイルは共有フォルダーに置かないこと。\n> 保存先は所属の規程に従ってください。\n\n公用文では「及び」「並びに」の使い分けに注意します。https://intra.example.lg.jp/bunsho を参照。\n',
  '```csv\n課名,件数,備考\n"総務課",12,"4月分"\n"税務課",8,"再提出, 2件"\n```\n',
];

function makeBody(size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = 0; length < size; n++) {
    const block = BLOCKS[n % BLOCKS.length].replace('{n}', String(n));
    parts.push(block);
    length += block.length + 1;
  }
  return parts.join('\n').slice(0, size);
}

const body = makeBody(100_000);
const runs = 30;
for (let i = 0; i < 5; i++) renderMarkdown(body); // warm-up: JIT and highlight.js grammars
const times: number[] = [];
let htmlLength = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  htmlLength = renderMarkdown(body).length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const cold = (() => { const s = performance.now(); renderMarkdown(makeBody(100_000).replace(/手順/g, '工程')); return performance.now() - s; })();
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
process.stdout.write([
  `body: ${body.length.toLocaleString()} characters → html ${htmlLength.toLocaleString()} characters`,
  `render over ${runs} runs: median ${fmt(times[Math.floor(runs / 2)])}, p95 ${fmt(times[Math.floor(runs * 0.95)])}, max ${fmt(times[runs - 1])}`,
  `a different 100k body after warm-up: ${fmt(cold)}`,
].join('\n') + '\n');
