/**
 * The search test collection: 100+ Japanese tips as staff write them, and queries with graded
 * relevance (2 = about exactly this, 1 = useful), grouped by kind. Used by `npm run eval:search`,
 * by tests/search/eval.test.ts (a floor on nDCG@10) and planted among the synthetic tips of
 * `npm run bench:search`.
 */

import { FRESH_QUERIES, FRESH_TIPS } from './fresh';

export interface EvalTip { key: string; title: string; tags: string[]; body: string }
export type QueryKind =
  | 'two-char' | 'katakana/width' | 'case' | 'mixed' | 'natural' | 'typo' | 'prefix' | 'okurigana' | 'phrase/exclude' | 'none'
  // Kinds added for issue 19 (written before any tuning; the held-out set is elsewhere).
  | 'long-vowel' | 'small-kana' | 'hiragana' | 'latin-typo' | 'phrasing' | 'synonym' | 'fragment'
  // Third round (syn19): paraphrases of everyday requests, written before that round's engine change.
  | 'paraphrase';
/** `fresh`: the fifth round's check set (fresh.ts), reported apart and never tuned on. */
export interface EvalQuery { q: string; kind: QueryKind; relevant: Record<string, 1 | 2>; fresh?: boolean }

const T = (key: string, title: string, tags: string[], body: string): EvalTip => ({ key, title, tags, body });

export const TIPS: EvalTip[] = [
  // Excel lookup
  T('vlookup', 'VLOOKUP関数で別シートの台帳から転記する', ['Excel', '関数'], '=VLOOKUP(A2,台帳!$A:$D,3,FALSE) と書くと、職員番号から所属名を引けます。第4引数は必ずFALSEにします。'),
  T('xlookup', 'XLOOKUPでVLOOKUPの弱点をなくす', ['Excel', '関数'], 'XLOOKUPは左側の列も検索でき、見つからないときの値も指定できます。Microsoft 365 で使えます。'),
  T('index-match', 'INDEXとMATCHの組み合わせ', ['Excel', '関数'], 'INDEX関数とMATCH関数を組み合わせると、列の挿入に強い検索式になります。'),
  T('vlookup-na', 'VLOOKUPの#N/Aエラーを空白にする', ['Excel', 'エラー'], 'IFERROR(VLOOKUP(...),"") で囲むと、該当がない行を空白で表示できます。'),
  // Excel aggregation
  T('pivot', 'ピボットテーブルで課ごとの件数を集計する', ['Excel', '集計'], '申請データを選択して挿入タブからピボットテーブルを作ります。行に課名、値に件数を置きます。'),
  T('sumifs', 'SUMIFSで条件付きの合計を出す', ['Excel', '関数', '集計'], '=SUMIFS(金額,課名,"総務課",月,4) のように複数の条件で合計できます。'),
  T('countifs', 'COUNTIFSで複数条件の件数を数える', ['Excel', '関数', '集計'], '=COUNTIFS(B:B,"税務課",C:C,">=2026/4/1") で条件に合う行数を数えます。'),
  T('subtotal', 'フィルター後の行だけ合計するSUBTOTAL', ['Excel', '関数'], 'オートフィルターで絞り込んだ行だけを合計するにはSUBTOTAL(9,範囲)を使います。'),
  // Excel duplicates / cleaning
  T('dedupe', '重複データを削除する手順', ['Excel', 'データ整理'], 'データタブの「重複の削除」で、選んだ列が同じ行を一度に消せます。元データはコピーを取ってから操作します。'),
  T('dedupe-count', '重複しているかをCOUNTIFで確かめる', ['Excel', 'データ整理'], '=COUNTIF(A:A,A2)>1 で重複している行に印を付け、条件付き書式で色を付けます。'),
  T('trim', '余分な空白をTRIM関数で取り除く', ['Excel', 'データ整理'], '名簿の氏名に入った前後のスペースはTRIM関数で消せます。全角スペースはSUBSTITUTEで置換します。'),
  T('unique', 'UNIQUE関数で一覧から重複なしのリストを作る', ['Excel', '関数'], '=UNIQUE(A2:A500) で重複を除いた課名の一覧がスピルします。'),
  // Excel printing
  T('print-area', '印刷範囲を設定して1枚に収める', ['Excel', '印刷'], 'ページレイアウトタブで印刷範囲を設定し、拡大縮小で「シートを1ページに印刷」を選びます。'),
  T('print-title', '印刷時に見出し行を毎ページ出す', ['Excel', '印刷'], 'ページ設定の「印刷タイトル」で行のタイトルに1行目を指定すると、全ページに見出しが付きます。'),
  T('print-pdf', 'Excelの表をPDFで保存する', ['Excel', 'PDF'], 'ファイル→エクスポート→PDF/XPSの作成で、印刷イメージのままPDFにできます。'),
  T('print-gridline', '枠線を印刷しない設定', ['Excel', '印刷'], 'ページレイアウトの「枠線」の印刷のチェックを外すと、罫線だけが印刷されます。'),
  // Excel formatting
  T('cond-format', '条件付き書式で期限切れの行に色を付ける', ['Excel', '書式'], '=$D2<TODAY() を条件にすると、期限を過ぎた行が赤くなります。'),
  T('date-format', '日付を和暦で表示する', ['Excel', '書式'], 'セルの書式設定でユーザー定義に ggge"年"m"月"d"日" と入れると令和で表示されます。'),
  T('freeze', 'ウィンドウ枠の固定で見出しを残す', ['Excel'], '表示タブのウィンドウ枠の固定で、スクロールしても見出し行が見えたままになります。'),
  T('dropdown', '入力規則でドロップダウンリストを作る', ['Excel', '入力'], 'データの入力規則でリストを選び、元の値に課名の範囲を指定します。'),
  // Excel macros
  T('macro-record', 'マクロの記録で定型作業を自動化', ['Excel', 'マクロ', 'VBA'], '開発タブのマクロの記録で操作を記録し、ボタンに登録すると毎月の作業が一瞬で終わります。'),
  T('vba-loop', 'VBAで全シートに同じ処理をする', ['VBA', 'マクロ'], 'For Each ws In ThisWorkbook.Worksheets で全シートを順に処理できます。'),
  T('vba-transfer', 'VBAで集計表に転記する', ['VBA', 'マクロ'], 'Cells(i, 3).Value を使って、申請一覧から集計表へ一行ずつ転記します。'),
  T('macro-security', 'マクロが無効にされたときの対処', ['Excel', 'マクロ', 'セキュリティ'], 'インターネットから取得したファイルはプロパティで「許可する」にチェックするとマクロが動きます。'),
  // Folders / files
  T('shared-folder', '共有フォルダーをネットワークドライブに割り当てる', ['Windows', 'フォルダ'], 'エクスプローラーでPCを右クリックし、ネットワークドライブの割り当てでサーバーのフォルダを指定します。'),
  T('folder-shortcut', 'よく使うフォルダをクイックアクセスにピン留め', ['Windows', 'フォルダ'], 'フォルダを右クリックして「クイックアクセスにピン留めする」を選びます。'),
  T('file-rename', 'ファイル名を一括で変更する', ['Windows', 'PowerShell'], 'PowerShellの Rename-Item で、申請書のファイル名の先頭に年度を付けられます。'),
  T('file-search', 'エクスプローラーでファイルを内容から探す', ['Windows', '検索'], '検索ボックスに content: と書くと、ファイルの中身の語句でも探せます。'),
  T('path-copy', 'ファイルのパスをコピーしてメールに貼り付ける', ['Windows', 'メール'], 'Shiftキーを押しながら右クリックし「パスのコピー」を選ぶと、共有フォルダのパスをメールに貼り付けできます。'),
  T('zip', 'ファイルをZIPに圧縮して送る', ['Windows'], '右クリック→送る→圧縮(zip形式)フォルダーで圧縮できます。'),
  // Copy paste
  T('paste-values', '値だけを貼り付ける', ['Excel', '貼り付け'], 'コピーしたセルを右クリックし、貼り付けのオプションで「値」を選ぶと数式が消えて値だけ残ります。'),
  T('paste-transpose', '行と列を入れ替えて貼付け', ['Excel', '貼り付け'], '形式を選択して貼り付けで「行列を入れ替える」にチェックを入れます。'),
  T('paste-plain', '書式なしで貼り付けるショートカット', ['Word', '貼り付け'], 'Ctrl+Shift+V で、書式を付けずにテキストだけを貼り付けられます。'),
  T('clipboard', 'クリップボードの履歴を使う', ['Windows'], 'Windowsキー+V で、以前にコピーした内容を選んで貼り付けできます。'),
  // Word
  T('word-mailmerge', 'Wordの差し込み印刷で宛名ラベルを作る', ['Word', '印刷'], '差込み印刷ウィザードでExcelの名簿を読み込み、宛名ラベルを一括で作成します。'),
  T('word-toc', 'Wordで目次を自動作成する', ['Word'], '見出しスタイルを付けておけば、参考資料タブの目次で自動的に作れます。'),
  T('word-track', 'Wordの変更履歴で修正を残す', ['Word', '校閲'], '校閲タブの変更履歴の記録をオンにすると、誰がどこを直したかが残ります。'),
  T('word-ruby', 'Wordでふりがなを付ける', ['Word'], 'ホームタブのルビボタンで、氏名にふりがなを振れます。'),
  // PowerPoint
  T('ppt-slide-number', 'パワポのスライド番号を表示する', ['PowerPoint'], '挿入タブのヘッダーとフッターでスライド番号にチェックを入れます。'),
  T('ppt-pdf', 'パワーポイントをPDFにして配布する', ['PowerPoint', 'PDF'], 'ファイル→名前を付けて保存でPDFを選ぶと、配布用の資料になります。'),
  T('ppt-master', 'スライドマスターで課のロゴを全ページに入れる', ['PowerPoint'], '表示タブのスライドマスターにロゴを置くと、全スライドに反映されます。'),
  T('ppt-video', 'PowerPointの発表を動画で保存する', ['PowerPoint'], 'エクスポートからビデオの作成を選ぶと、ナレーション付きの研修動画になります。'),
  // PDF
  T('pdf-merge', '複数のPDFを1つに結合する', ['PDF'], 'Acrobatのファイルを結合で、申請書と添付書類を1つのPDFにまとめます。'),
  T('pdf-split', 'PDFのページを分割して保存する', ['PDF'], 'ページを整理ツールで分割を選ぶと、1ページずつ別のファイルにできます。'),
  T('pdf-ocr', 'スキャンしたPDFの文字を検索できるようにする', ['PDF', 'OCR'], 'スキャンで作ったPDFはOCR処理をすると文字が選択・検索できます。'),
  T('pdf-sign', 'PDFに電子印鑑を押す', ['PDF', '電子決裁'], '入力と署名ツールで電子印鑑の画像を押せます。'),
  // Mail / Outlook
  T('outlook-rule', 'Outlookの仕分けルールで受信メールを振り分ける', ['Outlook', 'メール'], 'ルールの作成で差出人や件名ごとにフォルダへ自動で移動できます。'),
  T('outlook-signature', 'メールの署名を設定する', ['Outlook', 'メール'], 'ファイル→オプション→メール→署名で、所属と内線番号の署名を作ります。'),
  T('outlook-delay', '誤送信を防ぐ送信の遅延', ['Outlook', 'メール', 'セキュリティ'], '仕分けルールで送信後2分間送信トレイに留めると、誤送信に気付いて止められます。'),
  T('outlook-calendar', '会議室の予定表を共有する', ['Outlook', '会議'], '予定表を右クリックして共有し、閲覧権限を与えます。'),
  // Teams
  T('teams-meeting', 'Teamsで会議を予約して外部の人を招待する', ['Teams', '会議'], '予定表から新しい会議を作り、出席者にメールアドレスを入れると招待状が届きます。'),
  T('teams-bg', 'Teamsの背景をぼかす', ['Teams', '会議'], '会議に参加する前の画面で背景フィルターからぼかしを選びます。'),
  T('teams-record', 'Teams会議を録画して議事録に使う', ['Teams', '会議', '議事録'], 'その他の操作から録画を開始すると、トランスクリプトも保存されます。'),
  T('teams-files', 'Teamsのチャネルでファイルを共同編集する', ['Teams'], 'ファイルタブにアップロードしたExcelは、複数人で同時に編集できます。'),
  // RPA
  T('rpa-intro', 'RPAで毎月の転記作業を自動化した事例', ['RPA', '自動化'], 'WinActorで基幹システムからCSVを出してExcelに転記する作業を自動化し、月10時間を削減しました。'),
  T('rpa-error', 'RPAのシナリオが止まるときの確認点', ['RPA', 'エラー'], '画面の解像度や待ち時間の不足でシナリオが止まることがあります。待機を入れます。'),
  T('rpa-csv', 'RPAでCSVを読み込んでシステムに入力', ['RPA', 'CSV'], 'CSVを1行ずつ読み込み、画面の入力欄に値を入れてボタンを押す処理を繰り返します。'),
  T('rpa-schedule', 'RPAを夜間に自動実行する', ['RPA', '自動化'], 'タスクスケジューラでシナリオを夜間に起動すると、朝には結果ができています。'),
  // CSV / Shift_JIS
  T('csv-garbled', 'CSVを開くと文字化けするときの対処', ['CSV', 'Excel', '文字コード'], 'UTF-8のCSVはデータタブのテキストまたはCSVからで文字コードを指定して取り込みます。'),
  T('csv-zero', 'CSVで先頭の0が消えないようにする', ['CSV', 'Excel'], '郵便番号や職員番号は列のデータ形式を文字列にして取り込むと0が残ります。'),
  T('csv-export', '基幹システムのCSVをExcelで整形する', ['CSV', 'Excel'], 'Power Queryで取り込むと、毎月同じ手順の整形を更新ボタンだけで済ませられます。'),
  T('power-query', 'Power Queryで複数ファイルを結合する', ['Excel', 'Power Query'], 'フォルダーから取り込みを選ぶと、各課から集めたExcelを1つの表に結合できます。'),
  // Keyboard shortcuts
  T('shortcut-screenshot', '画面の一部を切り取ってスクリーンショット', ['Windows', 'ショートカット'], 'Windowsキー+Shift+S で範囲を選んで画面を切り取れます。'),
  T('shortcut-desktop', '複数のデスクトップを切り替える', ['Windows', 'ショートカット'], 'Windowsキー+Ctrl+D で新しい仮想デスクトップを作ります。'),
  T('shortcut-excel', 'Excelでよく使うショートカットキー', ['Excel', 'ショートカット'], 'Ctrl+; で今日の日付、Ctrl+1 でセルの書式設定が開きます。'),
  T('shortcut-lock', '席を離れるときは画面をロック', ['Windows', 'セキュリティ'], 'Windowsキー+L で画面をロックします。'),
  // Security / passwords
  T('password-zip', 'パスワード付きファイルの送り方', ['セキュリティ', 'メール'], 'パスワード付きZIPの送付は廃止されました。共有フォルダかファイル共有サービスを使います。'),
  T('phishing', '不審なメールを受け取ったときの報告', ['セキュリティ', 'メール'], '添付ファイルを開かず、情報政策課に転送して報告します。'),
  T('password-excel', 'Excelファイルに読み取りパスワードを付ける', ['Excel', 'セキュリティ'], '名前を付けて保存のツール→全般オプションで読み取りパスワードを設定します。'),
  T('usb', 'USBメモリの使用申請', ['セキュリティ'], '庁外へのデータ持ち出しは、所属長の許可を得て暗号化USBメモリを使います。'),
  // Public documents / writing
  T('kobunsho', '公用文の書き方の基本', ['文書', '公用文'], '「及び」「並びに」の使い分け、漢数字と算用数字の使い分けなど公用文のルールをまとめました。'),
  T('kobunsho-date', '公文書の日付は和暦か西暦か', ['文書', '公用文'], '県の規程では原則として元号を用い、必要に応じて西暦を併記します。'),
  T('word-style', '起案文書のWordテンプレート', ['Word', '文書'], '起案用のスタイル付きテンプレートを使うと、余白とフォントが規程どおりになります。'),
  T('inquiry', '問い合わせ対応の記録をExcelで管理', ['Excel', '窓口'], '問合せの日時、内容、回答者を記録する台帳の例です。'),
  // Meetings / minutes
  T('minutes-ai', '音声認識で議事録作成を楽にする', ['議事録', '会議'], '録音データを文字起こしして、要点だけを整理すれば議事録作成が半分の時間で終わります。'),
  T('minutes-template', '議事録のテンプレート', ['議事録', 'Word'], '日時、場所、出席者、議題、決定事項、宿題の順に書きます。'),
  T('meeting-room', '会議室の予約方法', ['会議'], '施設予約システムから会議室を予約します。前日までに申し込みます。'),
  T('meeting-online', 'オンライン会議で資料を画面共有する', ['Teams', '会議'], '共有ボタンからウィンドウを選ぶと、見せたいアプリだけを共有できます。'),
  // Forms / surveys
  T('forms-survey', 'Formsで庁内アンケートを作る', ['Forms', 'アンケート'], 'Microsoft Formsで回答を集め、結果をExcelでダウンロードできます。'),
  T('forms-apply', 'Formsで研修の申込みを受け付ける', ['Forms', '申請'], '申し込みフォームを作り、受付の上限を設定します。'),
  T('e-apply', '電子申請の受付データを取り込む', ['電子申請', 'CSV'], '電子申請システムの受付データをCSVで書き出し、Excelに取込みます。'),
  T('survey-aggregate', 'アンケート結果をグラフにまとめる', ['Excel', 'グラフ', 'アンケート'], '回答をピボットテーブルで集計し、ピボットグラフで見せます。'),
  // Graphs
  T('graph-combo', '棒グラフと折れ線の複合グラフ', ['Excel', 'グラフ'], 'グラフの種類の変更で組み合わせを選び、第2軸に折れ線を置きます。'),
  T('graph-color', 'グラフの色を課のルールに合わせる', ['Excel', 'グラフ'], 'デザインタブの色の変更ではなく、系列ごとに塗りつぶしを指定します。'),
  T('sparkline', 'スパークラインで推移を小さく見せる', ['Excel', 'グラフ'], '挿入タブのスパークラインで、セルの中に小さな折れ線を表示できます。'),
  // Text replace / find
  T('replace', '置換で全角数字を半角にそろえる', ['Excel', 'データ整理'], '検索と置換では一括変換が難しいので、ASC関数で半角にします。'),
  T('replace-word', 'Wordで語句をまとめて置き換え', ['Word'], 'Ctrl+H の置換で、旧課名を新しい課名に一括で置き換えられます。'),
  T('wildcard', 'ワイルドカードで検索する', ['Excel', '検索'], '* は任意の文字列、? は任意の1文字として検索できます。'),
  // Join/split text
  T('concat', '氏と名を結合して氏名にする', ['Excel', '関数'], '=A2&" "&B2 またはCONCAT関数で文字列を結合します。'),
  T('textsplit', '住所を都道府県と市区町村に分割', ['Excel', '関数'], 'TEXTSPLITや区切り位置で文字列を分割できます。'),
  T('flash-fill', 'フラッシュフィルで入力を自動補完', ['Excel', '入力'], '1件目を手で入力して Ctrl+E を押すと、残りを推測して入力します。'),
  // Misc admin
  T('overtime', '超過勤務の集計を自動化', ['Excel', '勤務', '集計'], '出退勤のCSVから超過勤務時間を関数で計算し、月ごとに集計します。'),
  T('budget', '予算執行状況の管理表', ['Excel', '予算'], '執行額と残額をSUMIFSで自動計算する管理表の例です。'),
  T('travel', '旅費計算のExcelシート', ['Excel', '旅費'], '距離と日当から旅費を計算するシートです。'),
  T('holiday', '祝日を除いた営業日を数える', ['Excel', '関数'], 'NETWORKDAYS関数に祝日の一覧を渡すと、土日祝を除いた日数が出ます。'),
  T('printer', 'プリンターが印刷できないとき', ['プリンタ', 'Windows'], 'プリンターの電源と用紙を確かめ、印刷キューの文書を削除してから再度印刷します。'),
  T('scanner', '複合機でスキャンしてフォルダに保存', ['複合機', 'フォルダ'], '複合機のスキャン設定で保存先に共有フォルダーを登録しておきます。'),
  T('browser-cache', 'ブラウザのキャッシュを削除する', ['ブラウザ'], 'Ctrl+Shift+Delete で閲覧データの削除を開きます。'),
  T('edge-ie', 'EdgeのIEモードで古いシステムを開く', ['ブラウザ', 'Edge'], '設定の既定のブラウザーでIEモードを許可します。'),
  T('onedrive', 'OneDriveで作業中のファイルを同期', ['OneDrive'], 'デスクトップのフォルダを同期すると、別のPCでも同じファイルを開けます。'),
  T('sharepoint', 'SharePointのサイトで課の資料を共有', ['SharePoint'], 'ドキュメントライブラリに置けば版の管理もできます。'),
  T('access-db', 'Accessの台帳をExcelに書き出す', ['Access', 'Excel'], '外部データタブのエクスポートでExcelを選びます。'),
  T('server-backup', 'サーバー上のファイルを以前の版に戻す', ['フォルダ', 'サーバー'], 'ファイルを右クリックして以前のバージョンの復元を開きます。'),
  // Issue 19 development cases: spelling variation inside compounds, loanwords, paraphrase.
  T('user-account', 'ユーザーアカウントのロックを解除してもらう手順', ['Windows', 'アカウント'], 'パスワードを5回間違えるとユーザーアカウントがロックされます。情報政策課に内線で連絡し、本人確認のうえ解除してもらいます。'),
  T('user-dict', 'IMEのユーザ辞書に課の固有名詞を登録', ['IME', '入力'], '職員の氏名や事業名はユーザ辞書ツールに単語と読みを登録すると一発で変換できます。'),
  T('window-split', 'ウインドウを左右に並べて2つの資料を見比べる', ['Windows', 'ショートカット'], 'Windowsキー+左右の矢印キーで、ウインドウを画面の半分にスナップできます。'),
  T('vivaldi-ban', 'ヴィヴァルディなど未許可ブラウザの利用について', ['ブラウザ', 'セキュリティ'], '庁内端末で使えるブラウザはEdgeとChromeだけです。ヴィヴァルディ等のインストールは禁止されています。'),
  T('interface-cable', 'プロジェクターのインターフェースと変換アダプター', ['会議', '機器'], '会議室のプロジェクターはHDMIのみです。ノートPCがUSB-Cだけのときは変換アダプターを借ります。'),
  T('pivot-filter', 'ピボットテーブルのスライサーで年度を切り替える', ['Excel', '集計'], 'ピボットテーブルを選んでスライサーの挿入から年度を選ぶと、ボタンで年度ごとの集計に切り替えられます。'),
  T('extract-filter', 'FILTER関数で条件に合う行を抽出する', ['Excel', '関数'], '=FILTER(A2:D500,C2:C500="福祉課") で福祉課の行だけを別の場所に抽出できます。'),
  T('extract-advanced', 'フィルターの詳細設定で別シートにデータを抽出', ['Excel', 'データ整理'], '詳細設定の「指定した範囲」を選ぶと、条件に合う行を別シートへ書き出せます。'),
  T('text-mid', 'MID関数で文字列の一部を取り出す', ['Excel', '関数'], '=MID(A2,4,3) で4文字目から3文字を取り出します。LEFTとRIGHTも同じ考え方です。'),
  T('delete-blank-rows', '空白行をまとめて削除する', ['Excel', 'データ整理'], 'ジャンプの「セル選択」で空白セルを選び、行全体を削除すると空白行が一度に消えます。'),
  T('merge-cells', 'セルを結合せずに中央揃えにする', ['Excel', '書式'], 'セルの結合は並べ替えやコピーの邪魔になるので「選択範囲内で中央」を使います。'),
  T('sheets-combine', '各課から届いたシートを1つの表にまとめる', ['Excel', '集計'], 'シートのコピーではなく、統合機能か Power Query で複数のシートを1つの一覧にまとめます。'),
  T('macro-not-run', 'マクロが動かないときに最初に見るところ', ['Excel', 'マクロ', 'エラー'], 'ファイルの拡張子が.xlsmか、セキュリティセンターの設定でマクロが無効になっていないかを確かめます。'),
  T('printer-offline', 'プリンタがオフラインで印刷できない', ['プリンタ', 'エラー'], 'プリンタのアイコンを右クリックし、「プリンターをオンラインで使用する」を選びます。ケーブルとネットワークも確認します。'),
  T('sumproduct', 'SUMPRODUCTで条件付きの掛け算を合計する', ['Excel', '関数'], '=SUMPRODUCT((B2:B100="総務課")*C2:C100*D2:D100) で単価×数量を課ごとに合計できます。'),
  T('conditional-count-color', '色の付いたセルの数を数えたい', ['Excel', 'マクロ'], '色で数える関数はないので、フィルターの色フィルターで絞りSUBTOTALで数えるか、VBAで数えます。'),
  T('teams-chat-search', 'Teamsのチャットで過去のやり取りを探す', ['Teams'], '上部の検索ボックスに語句を入れ、メッセージで絞り込むと過去のチャットが見つかります。'),
  T('outlook-archive', 'Outlookの容量がいっぱいになったらアーカイブ', ['Outlook', 'メール'], '古いメールを個人用フォルダーにアーカイブすると、メールボックスの容量を空けられます。'),
  T('screen-brightness', 'ノートPCの画面が暗いときの明るさ調整', ['Windows'], '通知領域のクイック設定で明るさのスライダーを動かします。省電力モードも確認します。'),
  T('shortcut-undo', '間違えて消したファイルを元に戻す', ['Windows', 'フォルダ'], 'ごみ箱を開いて元に戻すを選びます。共有フォルダで消した場合は以前のバージョンから復元します。'),
  // Issue 19, second round (written before changing the engine): Latin words the tips write only
  // in katakana or only in a body, and paraphrases of everyday office verbs.
  T('calendar-holiday', 'カレンダーに県の休日と祝日を追加する', ['Outlook', '予定表'], 'オプションの予定表から祝日の追加を選ぶと、カレンダーに祝日が表示されます。県民の日などの県の休日は手で登録します。'),
  T('hyperlink', 'ハイパーリンクを一括で解除する', ['Excel', 'Word'], 'URLを入力すると自動でハイパーリンクになります。Wordでは全体を選んで Ctrl+Shift+F9 を押すと文書内のリンクをまとめて解除できます。'),
  T('template-excel', 'テンプレートとして保存して毎月の報告書を作る', ['Excel', '文書'], 'ファイルの種類で Excel テンプレート(*.xltx) を選んで保存すると、開くたびに新しいブックとして使えます。'),
  T('password-change', 'パスワードの有効期限が切れたときの変更手順', ['Windows', 'アカウント'], 'Ctrl+Alt+Delete を押してパスワードの変更を選びます。新しいパスワードは12文字以上で、前回と同じものは使えません。'),
  T('access-query', 'Accessの選択クエリで条件に合うレコードを抽出する', ['Access', 'データ整理'], 'デザインビューで抽出条件の行に条件を書くと、該当するレコードだけが表示されます。'),
  T('vba-msgbox', 'VBAのMsgBoxで処理の前に確認する', ['VBA', 'マクロ'], 'If MsgBox("実行しますか", vbYesNo) = vbNo Then Exit Sub と書くと、いいえを押したときに処理を止められます。'),
  T('pdf-compress', 'PDFのファイルサイズを小さくしてメールで送る', ['PDF', 'メール'], 'Acrobatの「PDFを圧縮」か「PDFサイズの縮小」で、添付できる大きさにできます。画像の解像度を下げるとさらに小さくなります。'),
  T('color-filter', '色フィルターで色付きのセルだけ表示する', ['Excel', 'データ整理'], '見出しのフィルターボタンから「色フィルター」を選び、セルの色を指定すると、その色の行だけが表示されます。'),
  T('sort-custom', 'ユーザー設定の並べ替えで課の順番に並べる', ['Excel', 'データ整理'], '並べ替えダイアログで順序を「ユーザー設定リスト」にし、総務課、企画課…の順を登録しておきます。'),
  T('sheet-delete', '複数のシートを一度に削除する', ['Excel'], 'Ctrlキーを押しながらシート見出しをクリックして選び、右クリックから削除を選びます。元に戻せないので保存してから行います。'),
  // Issue 19, third round (syn19; written before changing the engine): tips that a paraphrase of
  // an everyday request should find — kango ↔ wago, verb ↔ noun, katakana ↔ kanji.
  T('col-hide', '作業用の列を非表示にする', ['Excel'], '列見出しを右クリックして「非表示」を選ぶと、計算用の列が画面から見えなくなります。戻すときは前後の列を選んで「再表示」です。'),
  T('screen-magnify', '画面の文字を拡大して見やすくする', ['Windows'], 'Ctrlキーを押しながらマウスのホイールを回すと表示倍率が変わります。全体を大きくするにはWindowsの設定の「テキストのサイズ」を使います。'),
  T('mail-forward', '受信したメールを自動で転送する', ['Outlook', 'メール'], '仕分けルールの処理で「指定したアドレスに転送する」を選びます。庁外のアドレスへの自動転送は情報セキュリティポリシーで禁止されています。'),
  T('attach-limit', '添付ファイルの容量制限と大容量ファイルの送り方', ['メール'], 'メールに添付できるのは合計10MBまでです。超える場合は庁内の大容量ファイル送信サービスに登録し、ダウンロード用のURLを相手に知らせます。'),
  T('meeting-reschedule', '会議の日時を変更して出席者に知らせる', ['Outlook', '会議'], '予定表から会議を開き、開始時刻と終了時刻を直して「更新を送信」を押すと、出席者全員に変更の通知が届きます。'),
  T('sheet-protect', 'シートの保護で入力欄以外を編集できないようにする', ['Excel'], '入力してよいセルだけ書式設定の「ロック」を外し、校閲タブの「シートの保護」をかけると、数式や見出しを誤って壊されません。'),
  T('leave-request', '年次休暇を庶務事務システムで申請する', ['庶務'], '庶務事務システムの休暇申請画面で日付と休暇の種類を選び、所属長の承認を受けます。時間単位での取得もできます。'),
  T('trip-report', '出張から戻ったら復命書を提出する', ['庶務', '文書'], '出張後5日以内に復命書を提出します。用務の内容、相手方、結果と今後の対応を簡潔に書き、資料があれば添付します。'),
  T('font-style', '文書全体のフォントをスタイルで一括変更する', ['Word', '文書'], 'ホームタブのスタイル「標準」を右クリックして変更を選び、書体を指定すると、本文の文字がすべて同じ書体になります。'),
  T('mail-search', 'Outlookで差出人や期間を指定してメールを検索する', ['Outlook', 'メール'], '検索ボックスに from:山田 や received:先月 と入れると、差出人や受信日で絞り込めます。フォルダーの範囲は「すべてのメールボックス」にします。'),
  T('kanji-number', 'Excelで数字を漢数字で表示する', ['Excel', '書式'], 'セルの書式設定の「その他」で「漢数字」を選ぶと、123が百二十三と表示されます。値は数値のままなので計算にも使えます。'),
  T('pdf-rotate', 'PDFのページの向きを回転して保存する', ['PDF'], 'Acrobatの「ページを整理」で横向きになったページを選び、回転ボタンで向きを直してから上書き保存します。'),
  T('sort-date', 'データを日付の新しい順に並べ替える', ['Excel', 'データ整理'], '日付の列のセルを選び、データタブの「降順」を押すと新しい日付が上に来ます。見出し行は先頭行として扱われます。'),
  T('password-forgot', 'パスワードを忘れたときの再発行', ['アカウント'], '情報政策課のヘルプデスクに電話し、職員番号で本人確認を受けると仮パスワードが発行されます。ログイン後すぐに変更します。'),
  T('format-painter', '書式のコピーで別のセルを同じ見た目にする', ['Excel', '書式'], 'ホームタブの刷毛のボタンを押してから別のセルをクリックすると、色や罫線などの書式だけが写ります。ダブルクリックすると続けて使えます。'),
  T('print-duplex', '両面印刷で用紙を節約する', ['印刷', 'プリンタ'], '印刷画面のプリンターのプロパティで「両面」を選び、とじ方を長辺にします。会議資料は原則として両面で配ります。'),
  T('mail-recall', '送ったメールを取り消す', ['Outlook', 'メール'], '送信済みフォルダーでメールを開き「メッセージの取り消し」を選びます。庁内の相手がまだ開いていない場合に限り削除されます。'),
  T('image-compress', '写真の容量を小さくして文書に貼る', ['Word', 'PowerPoint'], '図を選んで「図の圧縮」から解像度を150ppiにすると、写真を多く貼った文書でもファイルが小さくなり、メールで送れます。'),
  T('calendar-share', '自分の予定表を課のメンバーに公開する', ['Outlook', '予定表'], '予定表を右クリックして「共有」から課のメンバーを追加し、「すべての詳細を表示」か「予定あり/なしのみ」を選びます。'),
  T('word-proofread', 'Wordの校閲機能で誤字や表記ゆれを見つける', ['Word', '文書'], '校閲タブの「エディター」を使うと、誤字や送り仮名の揺れに下線が付き、候補から直せます。公用文の表記にも合わせられます。'),
  // Issue 19, fourth round (wn20; written before changing the engine): tips that everyday requests
  // typed in other words should find, and tips that share a surface word with a request but are
  // not about it (distractors, graded 0 by leaving them out).
  T('print-cancel', '送ってしまった印刷ジョブをキャンセルする', ['印刷', 'プリンタ'], 'タスクバーのプリンターのアイコンから印刷キューを開き、止めたい文書を右クリックして「キャンセル」を選びます。複合機側の操作パネルのジョブ一覧からも止められます。'),
  T('doc-retention', '公文書の保存期間と廃棄の手順', ['文書', '庶務'], '文書管理規程で保存期間が1年、3年、5年、10年、30年と決まっています。期間を過ぎた文書は廃棄の決裁を受けてから溶解処理に出します。'),
  T('deadline-list', '書類の提出期限が近い案件を一覧にする', ['Excel', '庶務'], '案件ごとの提出期限を表にして、条件付き書式で期間が7日を切った行に色を付けます。'),
  T('move-notice', '転居したら住居届と通勤届を出す', ['庶務'], '住所が変わった職員は、転居後すぐに庶務事務システムで住居届と通勤届を提出します。通勤経路が変わると通勤手当の額も変わります。'),
  T('file-repair', '破損したExcelブックを修復して開く', ['Excel', 'トラブル'], 'ファイルを開くダイアログで対象のブックを選び、開くボタンの▼から「開いて修復する」を選びます。修復できないときは以前のバージョンから復元します。'),
  T('copy-keep', '提出する前に申請書の写しを手元に残す', ['庶務', '文書'], '紙で出す書類は複合機でコピーし、写しを課の簿冊に綴じておきます。電子申請は受付完了の画面をPDFで保存しておきます。'),
  T('image-trim', '図をトリミングして必要な部分だけ残す', ['Word', 'PowerPoint'], '図を選んで図の形式タブの「トリミング」を押し、黒い枠をドラッグして要らない部分を外します。丸や四角の図形の形に合わせることもできます。'),
  T('seal-abolish', '押印を廃止した様式の扱い', ['庶務', '電子決裁'], '県に出す様式の多くで押印が不要になりました。印鑑の欄が残っている旧様式も、押さずにそのまま提出して構いません。'),
  T('auto-reply', '休暇中はOutlookの自動応答で不在を知らせる', ['Outlook', 'メール'], 'ファイル→自動応答で期間を指定し、不在の間に届いたメールの差出人へ送るメッセージを書きます。庁外向けの文面は別に設定できます。'),
  T('round', 'ROUND関数で小数点以下を丸める', ['Excel', '関数'], '=ROUND(A2,0) で小数第1位で丸めた整数になります。切り上げはROUNDUP、切り捨てはROUNDDOWNを使います。'),
  T('decimal-format', '小数点以下の表示桁数をそろえる', ['Excel', '書式'], 'ホームタブの「小数点以下の表示桁数を減らす」を押すと見た目だけ桁数が減ります。セルの値は変わらないので、計算には元の値が使われます。'),
  T('pc-slow', 'PCの動作が重いときに確かめること', ['Windows', 'トラブル'], 'タスクマネージャーでメモリとCPUの使用率を見て、使っていないアプリを閉じます。しばらく再起動していなければ再起動します。'),
  T('word-compare', '2つの文書の違いを比較機能で確かめる', ['Word', '校閲'], '校閲タブの「比較」で元の文書と修正後の文書を選ぶと、違う箇所が変更履歴として表示されます。'),
  // Issue 19, fifth round (syn21): the fresh check set's tips (fresh.ts), written before that round.
  ...FRESH_TIPS,
];

const r = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 2])) as Record<string, 2>;
const u = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 1])) as Record<string, 1>;

export const QUERIES: EvalQuery[] = [
  // Two-character words
  { q: '関数', kind: 'two-char', relevant: { ...u('xlookup', 'sumifs', 'countifs', 'subtotal', 'unique', 'concat', 'textsplit', 'holiday', 'trim', 'overtime'), ...r('vlookup', 'index-match') } },
  { q: '集計', kind: 'two-char', relevant: { ...r('pivot', 'overtime'), ...u('sumifs', 'countifs', 'survey-aggregate', 'vba-transfer') } },
  { q: '印刷', kind: 'two-char', relevant: { ...r('print-area', 'print-title', 'print-gridline'), ...u('word-mailmerge', 'printer', 'print-pdf') } },
  { q: '置換', kind: 'two-char', relevant: { ...r('replace', 'replace-word'), ...u('trim') } },
  { q: '結合', kind: 'two-char', relevant: { ...r('pdf-merge', 'concat', 'power-query') } },
  { q: '重複', kind: 'two-char', relevant: { ...r('dedupe', 'dedupe-count', 'unique') } },
  { q: '議事録', kind: 'two-char', relevant: { ...r('minutes-ai', 'minutes-template'), ...u('teams-record') } },
  // Katakana and width variants
  { q: 'エクセル 印刷', kind: 'katakana/width', relevant: { ...r('print-area', 'print-title', 'print-gridline'), ...u('print-pdf', 'word-mailmerge') } },
  { q: 'ﾋﾟﾎﾞｯﾄ', kind: 'katakana/width', relevant: { ...r('pivot'), ...u('survey-aggregate') } },
  { q: 'フォルダー 共有', kind: 'katakana/width', relevant: { ...r('shared-folder'), ...u('scanner', 'path-copy', 'folder-shortcut', 'password-zip') } },
  { q: 'サーバ', kind: 'katakana/width', relevant: { ...r('server-backup', 'shared-folder') } },
  { q: 'パワポ PDF', kind: 'katakana/width', relevant: { ...r('ppt-pdf') } },
  { q: 'プリンター', kind: 'katakana/width', relevant: { ...r('printer') } },
  // Letter case
  { q: 'vlookup', kind: 'case', relevant: { ...r('vlookup', 'vlookup-na'), ...u('xlookup') } },
  { q: 'ＶＬＯＯＫＵＰ', kind: 'case', relevant: { ...r('vlookup', 'vlookup-na'), ...u('xlookup') } },
  { q: 'teams 会議', kind: 'case', relevant: { ...r('teams-meeting', 'teams-record', 'teams-bg', 'meeting-online') } },
  { q: 'csv', kind: 'case', relevant: { ...r('csv-garbled', 'csv-zero', 'csv-export', 'rpa-csv'), ...u('e-apply', 'overtime', 'rpa-intro') } },
  // Mixed Latin + Japanese
  { q: 'VLOOKUP関数', kind: 'mixed', relevant: { ...r('vlookup', 'vlookup-na') } },
  { q: 'RPA 転記', kind: 'mixed', relevant: { ...r('rpa-intro'), ...u('rpa-csv') } },
  { q: 'CSV 文字化け', kind: 'mixed', relevant: { ...r('csv-garbled') } },
  { q: 'Outlook 仕分け', kind: 'mixed', relevant: { ...r('outlook-rule'), ...u('outlook-delay') } },
  { q: 'PDF結合', kind: 'mixed', relevant: { ...r('pdf-merge') } },
  // Natural questions
  { q: 'エクセルで重複を消したい', kind: 'natural', relevant: { ...r('dedupe'), ...u('dedupe-count', 'unique') } },
  { q: '印刷するとき見出しを全部のページに出したい', kind: 'natural', relevant: { ...r('print-title') } },
  { q: 'メールを間違えて送るのを防ぎたい', kind: 'natural', relevant: { ...r('outlook-delay') } },
  { q: 'PDFを1つにまとめる方法', kind: 'natural', relevant: { ...r('pdf-merge') } },
  { q: 'CSVの先頭のゼロが消える', kind: 'natural', relevant: { ...r('csv-zero') } },
  // Typos
  { q: 'VLOKUP', kind: 'typo', relevant: { ...r('vlookup', 'vlookup-na'), ...u('xlookup') } },
  { q: 'Outlok', kind: 'typo', relevant: { ...u('outlook-rule', 'outlook-signature', 'outlook-delay', 'outlook-calendar') } },
  { q: 'SUMIFFS', kind: 'typo', relevant: { ...r('sumifs'), ...u('budget') } },
  // Prefixes while typing
  { q: 'ピボ', kind: 'prefix', relevant: { ...r('pivot'), ...u('survey-aggregate') } },
  { q: 'xloo', kind: 'prefix', relevant: { ...r('xlookup') } },
  { q: 'スパーク', kind: 'prefix', relevant: { ...r('sparkline') } },
  // Okurigana variants
  { q: '貼付け', kind: 'okurigana', relevant: { ...r('paste-values', 'paste-transpose', 'paste-plain'), ...u('clipboard', 'path-copy') } },
  { q: '問い合わせ', kind: 'okurigana', relevant: { ...r('inquiry') } },
  { q: '取り込み CSV', kind: 'okurigana', relevant: { ...r('csv-garbled', 'e-apply'), ...u('csv-zero', 'csv-export') } },
  { q: '申込み', kind: 'okurigana', relevant: { ...r('forms-apply'), ...u('meeting-room') } },
  // Phrases and exclusions
  { q: '"印刷範囲"', kind: 'phrase/exclude', relevant: { ...r('print-area') } },
  { q: 'PDF -パワポ -Excel', kind: 'phrase/exclude', relevant: { ...r('pdf-merge', 'pdf-split', 'pdf-ocr', 'pdf-sign') } },
  // Issue 19 development cases (written before tuning).
  // Long-vowel marks inside compounds and at the ends of words.
  { q: 'ユーザアカウント ロック', kind: 'long-vowel', relevant: { ...r('user-account') } },
  { q: 'ユーザー辞書', kind: 'long-vowel', relevant: { ...r('user-dict') } },
  { q: 'プロジェクタ 変換アダプタ', kind: 'long-vowel', relevant: { ...r('interface-cable') } },
  { q: 'インタフェース', kind: 'long-vowel', relevant: { ...r('interface-cable') } },
  // Small and large kana in loanwords.
  { q: 'ウィンドウ 並べる', kind: 'small-kana', relevant: { ...r('window-split') } },
  { q: 'ビバルディ', kind: 'small-kana', relevant: { ...r('vivaldi-ban') } },
  { q: 'ヴィヴァルディ', kind: 'small-kana', relevant: { ...r('vivaldi-ban') } },
  // Hiragana typed for a katakana word.
  { q: 'ぴぼっとてーぶる', kind: 'hiragana', relevant: { ...r('pivot', 'pivot-filter'), ...u('survey-aggregate') } },
  { q: 'すらいさー', kind: 'hiragana', relevant: { ...r('pivot-filter') } },
  { q: 'まくろ 動かない', kind: 'hiragana', relevant: { ...r('macro-not-run'), ...u('macro-security') } },
  { q: 'ぷりんた', kind: 'hiragana', relevant: { ...r('printer', 'printer-offline') } },
  // Latin typos: one word of two, and a Latin word the tips write in katakana.
  { q: 'SUMPRODUTC', kind: 'latin-typo', relevant: { ...r('sumproduct') } },
  { q: 'vlokup 別シート', kind: 'latin-typo', relevant: { ...r('vlookup') } },
  { q: 'Outlookk アーカイブ', kind: 'latin-typo', relevant: { ...r('outlook-archive') } },
  { q: 'pivto table', kind: 'latin-typo', relevant: { ...r('pivot', 'pivot-filter'), ...u('survey-aggregate') } },
  { q: 'printer', kind: 'latin-typo', relevant: { ...r('printer', 'printer-offline') } },
  // Everyday phrasing around the real words.
  { q: 'ピボットテーブル 作り方', kind: 'phrasing', relevant: { ...r('pivot'), ...u('pivot-filter', 'survey-aggregate') } },
  { q: 'マクロ できない', kind: 'phrasing', relevant: { ...r('macro-not-run', 'macro-security') } },
  { q: 'プリンター 印刷できない', kind: 'phrasing', relevant: { ...r('printer-offline', 'printer') } },
  { q: 'Teams チャット 探し方', kind: 'phrasing', relevant: { ...r('teams-chat-search') } },
  { q: '画面を明るくしたい', kind: 'phrasing', relevant: { ...r('screen-brightness') } },
  { q: 'ユーザーアカウント ロック 解除方法', kind: 'phrasing', relevant: { ...r('user-account') } },
  // Second round (written before any change for them): questions as typed in full sentences.
  { q: 'PDFを結合したいです', kind: 'phrasing', relevant: { ...r('pdf-merge') } },
  { q: 'Teamsで背景をぼかすには', kind: 'phrasing', relevant: { ...r('teams-bg') } },
  { q: 'CSVが文字化けする原因', kind: 'phrasing', relevant: { ...r('csv-garbled') } },
  { q: '会議室の予約はどうすればいい', kind: 'phrasing', relevant: { ...r('meeting-room'), ...u('outlook-calendar') } },
  { q: 'OneDriveが同期されない', kind: 'phrasing', relevant: { ...r('onedrive') } },
  { q: 'マクロを有効にするにはどうしたらいいですか', kind: 'phrasing', relevant: { ...r('macro-security'), ...u('macro-not-run') } },
  { q: 'パスワード付きのファイルを送るやり方を教えてください', kind: 'phrasing', relevant: { ...r('password-zip') } },
  { q: 'VLOOKUPでエラーになる時の対処方法', kind: 'phrasing', relevant: { ...r('vlookup-na'), ...u('vlookup') } },
  { q: '署名の設定の仕方がわからない', kind: 'phrasing', relevant: { ...r('outlook-signature') } },
  // Synonyms and paraphrase.
  { q: '条件に合う行を抜き出す', kind: 'synonym', relevant: { ...r('extract-filter', 'extract-advanced') } },
  { q: '文字列の一部を抽出', kind: 'synonym', relevant: { ...r('text-mid') } },
  { q: '空白行を消す', kind: 'synonym', relevant: { ...r('delete-blank-rows') } },
  { q: 'シートを結合', kind: 'synonym', relevant: { ...r('sheets-combine'), ...u('power-query') } },
  { q: 'ファイル 削除 戻す', kind: 'synonym', relevant: { ...r('shortcut-undo'), ...u('server-backup') } },
  // Second round (written before changing the engine): typos of words the tips write in katakana
  // or only in bodies, a typo in one word of two or three; synonyms and paraphrase.
  { q: 'calender 祝日', kind: 'latin-typo', relevant: { ...r('calendar-holiday') } },
  { q: 'hyperlnk 解除', kind: 'latin-typo', relevant: { ...r('hyperlink') } },
  { q: 'templete 保存', kind: 'latin-typo', relevant: { ...r('template-excel') } },
  { q: 'pasword 変更', kind: 'latin-typo', relevant: { ...r('password-change'), ...u('password-excel') } },
  { q: 'Acess クエリ', kind: 'latin-typo', relevant: { ...r('access-query') } },
  { q: 'vba mesgbox', kind: 'latin-typo', relevant: { ...r('vba-msgbox') } },
  { q: 'acorbat サイズ', kind: 'latin-typo', relevant: { ...r('pdf-compress') } },
  { q: 'Exel 印刷範囲', kind: 'latin-typo', relevant: { ...r('print-area') } },
  { q: 'shotcut excel', kind: 'latin-typo', relevant: { ...r('shortcut-excel') } },
  { q: 'fillter 色', kind: 'latin-typo', relevant: { ...r('color-filter'), ...u('conditional-count-color') } },
  { q: 'vlokup 別シート 転記', kind: 'latin-typo', relevant: { ...r('vlookup'), ...u('vba-transfer') } },
  // Product names typed split or joined otherwise than the tips write them.
  { q: 'one drive 同期', kind: 'latin-typo', relevant: { ...r('onedrive') } },
  { q: 'share point サイト', kind: 'latin-typo', relevant: { ...r('sharepoint') } },
  { q: 'powerquery 結合', kind: 'latin-typo', relevant: { ...r('power-query'), ...u('csv-export') } },
  { q: '重複を取り除く', kind: 'synonym', relevant: { ...r('dedupe'), ...u('unique', 'dedupe-count') } },
  { q: 'PDFを分ける', kind: 'synonym', relevant: { ...r('pdf-split') } },
  { q: 'ミーティングを録画', kind: 'synonym', relevant: { ...r('teams-record') } },
  { q: 'ソート 課の順', kind: 'synonym', relevant: { ...r('sort-custom') } },
  { q: 'ファイル名をまとめて変える', kind: 'synonym', relevant: { ...r('file-rename') } },
  { q: '名簿の空白を除去', kind: 'synonym', relevant: { ...r('trim') } },
  { q: '氏名をつなげる', kind: 'synonym', relevant: { ...r('concat') } },
  { q: 'シートをまとめて消す', kind: 'synonym', relevant: { ...r('sheet-delete') } },
  { q: '文字を抜き出す関数', kind: 'synonym', relevant: { ...r('text-mid'), ...u('extract-filter') } },
  { q: '複数のシートを統合', kind: 'synonym', relevant: { ...r('sheets-combine'), ...u('power-query') } },
  // Issue 19, third round (syn19; written before changing the engine): paraphrases of everyday
  // requests, graded by meaning — kango ↔ wago, verb ↔ noun, katakana ↔ kanji.
  { q: '列を隠す', kind: 'paraphrase', relevant: { ...r('col-hide') } },
  { q: '字を大きくする', kind: 'paraphrase', relevant: { ...r('screen-magnify') } },
  { q: 'ズーム', kind: 'paraphrase', relevant: { ...r('screen-magnify') } },
  { q: 'メールを他の人に回す', kind: 'paraphrase', relevant: { ...r('mail-forward'), ...u('outlook-rule') } },
  { q: '重いファイルを送りたい', kind: 'paraphrase', relevant: { ...r('attach-limit'), ...u('pdf-compress', 'zip', 'image-compress') } },
  { q: '打ち合わせの日程をずらす', kind: 'paraphrase', relevant: { ...r('meeting-reschedule') } },
  { q: '会議の予定を変える', kind: 'paraphrase', relevant: { ...r('meeting-reschedule') } },
  { q: 'セルを守る', kind: 'paraphrase', relevant: { ...r('sheet-protect'), ...u('password-excel') } },
  { q: '休みを取る手続き', kind: 'paraphrase', relevant: { ...r('leave-request') } },
  { q: '休暇届', kind: 'paraphrase', relevant: { ...r('leave-request') } },
  { q: '出張の報告書', kind: 'paraphrase', relevant: { ...r('trip-report'), ...u('travel') } },
  { q: 'ハンコをPDFに', kind: 'paraphrase', relevant: { ...r('pdf-sign') } },
  { q: 'フォントを揃える', kind: 'paraphrase', relevant: { ...r('font-style') } },
  { q: '昔のメールを見つける', kind: 'paraphrase', relevant: { ...r('mail-search'), ...u('outlook-archive') } },
  { q: '算用数字を漢字に変える', kind: 'paraphrase', relevant: { ...r('kanji-number') } },
  { q: 'PDFのページを回す', kind: 'paraphrase', relevant: { ...r('pdf-rotate') } },
  { q: '日付で整列', kind: 'paraphrase', relevant: { ...r('sort-date'), ...u('sort-custom') } },
  { q: 'パスワード 思い出せない', kind: 'paraphrase', relevant: { ...r('password-forgot'), ...u('password-change') } },
  { q: '書式を複製', kind: 'paraphrase', relevant: { ...r('format-painter') } },
  { q: '裏表に刷る', kind: 'paraphrase', relevant: { ...r('print-duplex') } },
  { q: '送信したメールを撤回', kind: 'paraphrase', relevant: { ...r('mail-recall'), ...u('outlook-delay') } },
  { q: '画像を軽くする', kind: 'paraphrase', relevant: { ...r('image-compress'), ...u('pdf-compress') } },
  { q: 'スケジュールを見せる', kind: 'paraphrase', relevant: { ...r('calendar-share'), ...u('outlook-calendar') } },
  { q: '誤字をチェック', kind: 'paraphrase', relevant: { ...r('word-proofread') } },
  // Issue 19, fourth round (wn20; written before changing the engine): everyday requests in the
  // words staff type (wago verbs, everyday nouns) for tips written in other words; some share a
  // surface word with a tip that is not about them (mail-recall 取り消す, window-split 見比べる,
  // mail-forward メール 自動, pdf-sign 印鑑, shortcut-screenshot 切り取る, deadline-list 書類 期間).
  { q: '印刷を取り消す', kind: 'synonym', relevant: { ...r('print-cancel'), ...u('printer') } },
  { q: '書類の保管期間', kind: 'synonym', relevant: { ...r('doc-retention') } },
  { q: '引っ越したときの届出', kind: 'paraphrase', relevant: { ...r('move-notice') } },
  { q: 'スライドを配る', kind: 'paraphrase', relevant: { ...r('ppt-pdf') } },
  { q: '壊れたファイルを直す', kind: 'paraphrase', relevant: { ...r('file-repair'), ...u('server-backup') } },
  { q: '申請書の控えを取る', kind: 'synonym', relevant: { ...r('copy-keep') } },
  { q: '画像を切り抜く', kind: 'paraphrase', relevant: { ...r('image-trim') } },
  { q: 'ハンコが要らない申請', kind: 'paraphrase', relevant: { ...r('seal-abolish') } },
  { q: 'メールに自動で返事する', kind: 'paraphrase', relevant: { ...r('auto-reply') } },
  { q: '表の縦と横を入れ替える', kind: 'paraphrase', relevant: { ...r('paste-transpose') } },
  { q: '四捨五入', kind: 'synonym', relevant: { ...r('round'), ...u('decimal-format') } },
  { q: 'パソコンの動きが遅い', kind: 'paraphrase', relevant: { ...r('pc-slow') } },
  { q: '文書を比べる', kind: 'synonym', relevant: { ...r('word-compare'), ...u('window-split') } },
  // Fragments pasted from the middle of a tip.
  { q: 'プをクリックし、「プリンターをオンラインで使用', kind: 'fragment', relevant: { ...r('printer-offline') } },
  { q: 'ールを個人用フォルダーにアーカイブすると', kind: 'fragment', relevant: { ...r('outlook-archive') } },
  { q: 'トの詳細設定で別シートにデー', kind: 'fragment', relevant: { ...r('extract-advanced') } },
  { q: '空白セルを選び、行全体を削除', kind: 'fragment', relevant: { ...r('delete-blank-rows') } },
  // Must find nothing
  { q: 'ドローン 操縦', kind: 'none', relevant: {} },
  { q: '確定申告 医療費控除', kind: 'none', relevant: {} },
  { q: 'kubernetes', kind: 'none', relevant: {} },
  { q: '釣りの仕掛け', kind: 'none', relevant: {} },
  // Fifth round (syn21): the fresh check set (fresh.ts), flagged `fresh` and reported apart.
  ...FRESH_QUERIES,
];
