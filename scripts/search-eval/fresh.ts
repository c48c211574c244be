/**
 * A fresh check set for synonyms and paraphrases (issue 19, fifth round, syn21), written and
 * committed before that round changed the engine, from how staff ask for things — not from what
 * Sudachi, EDICT or WordNet contain (none was looked up to write it). Its tips are part of the
 * development collection (collection.ts appends them), its queries are flagged `fresh: true` and
 * reported apart by `npm run eval:search` (development set without them, and the fresh subset), so
 * the older development figures stay comparable. Nothing is chosen on these queries: every variant
 * of that round was chosen on the older development queries, and this subset is only reported
 * before and after, as an honest check. Tips prefixed `n-` are near misses: they share a surface
 * word with a query but do not answer it (graded 0 by leaving them out, or 1 where they help).
 */
import type { EvalQuery, EvalTip } from './collection';

const T = (key: string, title: string, tags: string[], body: string): EvalTip => ({ key, title, tags, body });

export const FRESH_TIPS: EvalTip[] = [
  T('f-outlook-bcc', 'BCCで一斉送信して受信者どうしのアドレスを隠す', ['Outlook', 'メール'], '説明会の案内など庁外の複数の相手に送るときは、宛先を自分にして相手はすべてBCCに入れます。BCC欄が見えないときはオプションタブの「BCC」を押して表示します。'),
  T('f-excel-wrap', 'セル内で改行して長い文を折り返す', ['Excel', '書式'], '改行したい位置でAlt+Enterを押します。列幅に合わせて自動で折り返すには、ホームタブの「折り返して全体を表示する」をオンにします。'),
  T('f-word-pagebreak', 'Wordで改ページを入れて次の章を新しいページから始める', ['Word', '文書'], 'Enterを何度も押して空行で送ると、前の内容を直したときに位置がずれます。カーソルを置いてCtrl+Enterで改ページを挿入してください。'),
  T('f-teams-status', 'Teamsの在席状況を「退席中」に手動で切り替える', ['Teams'], '右上の自分のアイコンを押して状態を「一時退席中」や「取り込み中」に変えられます。席を外すときは手動で変えておくと、相手に伝わります。'),
  T('f-pdf-password', 'PDFにパスワードを設定して第三者が開けないようにする', ['PDF', 'セキュリティ'], 'Acrobatの「保護」から「パスワードを使用して保護」を選び、文書を開くときのパスワードを設定します。パスワードは別のメールか電話で相手に伝えます。'),
  T('f-excel-fill-series', 'オートフィルで連番を入力する', ['Excel'], '1と入力したセルの右下のフィルハンドルをCtrlキーを押しながら下へドラッグすると、1、2、3…と連続した数字が入ります。ROW関数を使うと行を削除しても番号が詰まります。'),
  T('f-access-compact', 'Accessのデータベースを最適化して容量を減らす', ['Access'], 'レコードを削除してもファイルのサイズは小さくなりません。ファイルタブの「データベースの最適化/修復」を実行すると、不要な領域が解放されます。作業前にバックアップを取ってください。'),
  T('f-outlook-shared-mailbox', '課の共有メールボックスをOutlookに追加する', ['Outlook', 'メール'], '課の代表メールアドレスは共有メールボックスとして設定されています。アカウント設定の「詳細設定」で追加のメールボックスを開くと、フォルダー一覧の下に表示されます。'),
  T('f-excel-sheet-copy', 'シートを同じブックや別のブックにコピーする', ['Excel'], 'シート見出しを右クリックして「移動またはコピー」を選び、「コピーを作成する」にチェックを入れます。Ctrlキーを押しながらシート見出しをドラッグしても同じ内容のシートができます。'),
  T('f-word-header', 'ヘッダーに文書番号と日付を入れて全ページに表示する', ['Word', '文書'], '挿入タブの「ヘッダー」を選び、文書番号と施行日を書きます。ヘッダーに書いた内容はすべてのページの上部に同じように印刷されます。'),
  T('f-teams-mute', 'Teams会議で自分のマイクをミュートにする', ['Teams', '会議'], '会議中は発言するとき以外ミュートにしておきます。画面上部のマイクのボタンか、Ctrl+Shift+Mで切り替えられます。'),
  T('f-pdf-edit-text', 'Acrobatの編集機能でPDFの文字を修正する', ['PDF'], '「PDFを編集」を選ぶと本文の文字を直接打ち直せます。フォントが埋め込まれていない場合は見た目が変わることがあるので、元のWordファイルがあればそちらを直して作り直します。'),
  T('f-pdf-to-word', 'PDFをWord文書に変換する', ['PDF', 'Word'], 'Acrobatの「書き出し」でMicrosoft Word形式を選ぶと、PDFがdocxになります。Wordで開いてからPDFを開く方法でも変換できますが、表や段組みは崩れることがあります。'),
  T('f-print-mono', 'カラー印刷をやめてモノクロで出力する', ['印刷', 'プリンタ'], '複合機のプロパティで「カラーモード」をモノクロにします。庁内の印刷は原則モノクロで、カラーは会議資料の図表など必要なときだけにします。'),
  T('f-expense', '職員が立替払いした経費の精算手続き', ['庶務', '会計'], '公務で必要な物品や交通費を職員が立て替えた場合は、領収書を添えて支出命令伺を起票し、会計課に回付します。精算は翌月の口座振込です。'),
  T('f-excel-countblank', 'COUNTBLANK関数で未入力のセルを数える', ['Excel', '関数'], '=COUNTBLANK(B2:B200) で回答欄のうち何も入っていないセルの数が出ます。提出状況の確認で、未回答の件数を数えるのに便利です。'),
  T('f-excel-datedif', 'DATEDIF関数で勤続年数を計算する', ['Excel', '関数'], '=DATEDIF(採用日,TODAY(),"Y") で採用日から今日までの満年数が出ます。"YM"を使うと年を除いた月数になり、「5年3か月」のように表示できます。'),
  T('f-teams-notify', 'Teamsのチャネルの通知をオフにする', ['Teams'], 'チャネル名の横の「…」から「チャネルの通知」を選び、「オフ」にします。自分宛てのメンションだけ通知するように設定することもできます。'),
  T('f-outlook-read-receipt', '開封確認を要求して相手がメールを開いたか確かめる', ['Outlook', 'メール'], 'オプションタブの「開封確認の要求」にチェックを入れて送ります。相手が開くと通知が返りますが、相手の設定によっては返らないこともあります。'),
  T('f-excel-recover', '保存しないで閉じたブックを回復する', ['Excel', 'トラブル'], 'ファイルタブの「情報」から「ブックの管理」を開き、「保存されていないブックの回復」を選ぶと、自動回復用に残っていたファイルを開けます。'),
  T('f-rpa-log', 'RPAの実行ログで処理の失敗箇所を確認する', ['RPA'], 'シナリオが途中で止まったら、管理画面の実行ログを開きます。止まった手順と時刻、エラーの内容が残っているので、画面の変更か入力データの誤りかを切り分けられます。'),
  T('f-excel-text-number', '文字列として入った数値を計算できる数値に変換する', ['Excel', 'データ整理'], 'システムから出力したデータは数字が文字列になっていて、SUMの合計が0になることがあります。セルの左上の緑の三角を選び「数値に変換する」を押すか、区切り位置で一括変換します。'),
  T('f-ppt-notes', 'スライドのノートに発表原稿を書いておく', ['PowerPoint'], '表示タブの「ノート」で各スライドの下に原稿欄が出ます。発表者ツールを使うと、聞き手には見せずに手元の画面だけで原稿を読めます。'),
  T('f-word-watermark', 'Word文書に「取扱注意」の透かしを入れる', ['Word', 'セキュリティ'], 'デザインタブの「透かし」から「ユーザー設定の透かし」を選び、テキストに「取扱注意」と入れます。全ページの本文の背景に薄い文字で表示されます。'),
  T('f-outlook-schedule-send', '配信タイミングを指定してメールを予約送信する', ['Outlook', 'メール'], 'オプションタブの「配信タイミング」で「指定日時以降に配信」にチェックを入れ、日時を指定します。その時刻までOutlookを起動しておく必要があります。'),
  T('f-teams-transcript', 'Teams会議の文字起こしを保存する', ['Teams', '会議'], '会議中に「その他」から「文字起こしの開始」を押すと、発言者ごとの発言がテキストで記録されます。会議後にチャットからダウンロードできます。'),
  T('f-print-shrink', 'A3サイズの資料をA4に縮小して印刷する', ['印刷'], '印刷画面のプリンターのプロパティで出力用紙サイズをA4にし、「用紙サイズに合わせる」を選びます。倍率は自動で約71%になります。'),
  T('f-file-extension', 'エクスプローラーでファイルの拡張子を表示する', ['Windows'], 'エクスプローラーの表示タブで「ファイル名拡張子」にチェックを入れると、.xlsx や .pdf が名前の後ろに表示されます。不審な添付ファイルを見分けるのにも役立ちます。'),
  // Near misses: a surface word shared with a query, another subject.
  T('n-address-book', 'アドレス帳に取引先の連絡先を登録する', ['Outlook', 'メール'], '連絡先フォルダーで「新しい連絡先」を作り、名前とメールアドレスを登録します。宛先を入力するときに候補に出るようになります。'),
  T('n-row-height', '行の高さをそろえて表を見やすくする', ['Excel', '書式'], '行番号をまとめて選び、境界線をダブルクリックすると文字に合わせた高さになります。数値で指定するには右クリックの「行の高さ」を使います。'),
  T('n-page-number', 'Wordでページ番号を2ページ目から振る', ['Word', '文書'], '表紙に番号を付けないときは、ヘッダーとフッターのオプションで「先頭ページのみ別指定」にチェックを入れます。'),
  T('n-teams-status-message', 'Teamsのステータスメッセージに出張の予定を書く', ['Teams'], '自分のアイコンから「ステータスメッセージを設定」を選び、「本日は出張のため午後から対応します」のように書いておきます。'),
  T('n-teams-chat-mute', 'Teamsの個別チャットをミュートして非表示にする', ['Teams'], '終わったグループチャットは、チャット一覧の「…」から「ミュート」を選ぶと新しい投稿があっても知らせが来なくなります。「非表示」で一覧からも消せます。'),
  T('n-paper-jam', '複合機で紙詰まりが起きたときの直し方', ['プリンタ'], '操作パネルに表示された場所のカバーを開け、用紙をゆっくり引き抜きます。破れた紙片が残ると再び詰まるので、奥まで確かめます。'),
  T('n-sheet-order', 'シートの並び順を入れ替える', ['Excel'], 'シート見出しをドラッグすると左右の順番を変えられます。シートが多いときは左下の矢印を右クリックすると一覧から選べます。'),
];

const r = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 2])) as Record<string, 2>;
const u = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 1])) as Record<string, 1>;

export const FRESH_QUERIES: EvalQuery[] = ([
  { q: 'メールの宛先をほかの人に見せない', kind: 'paraphrase', relevant: { ...r('f-outlook-bcc') } },
  { q: 'セルの中で行を変える', kind: 'paraphrase', relevant: { ...r('f-excel-wrap') } },
  { q: '途中から次のページにする', kind: 'paraphrase', relevant: { ...r('f-word-pagebreak') } },
  { q: 'Teamsで離席にする', kind: 'synonym', relevant: { ...r('f-teams-status'), ...u('n-teams-status-message') } },
  { q: 'PDFに鍵をかける', kind: 'paraphrase', relevant: { ...r('f-pdf-password') } },
  { q: '番号を順番に振る', kind: 'paraphrase', relevant: { ...r('f-excel-fill-series'), ...u('n-page-number') } },
  { q: 'Accessのファイルが肥大化', kind: 'paraphrase', relevant: { ...r('f-access-compact') } },
  { q: '課の代表アドレスのメールを見る', kind: 'paraphrase', relevant: { ...r('f-outlook-shared-mailbox') } },
  { q: 'シートを複製', kind: 'synonym', relevant: { ...r('f-excel-sheet-copy') } },
  { q: '全ページの上に文書番号を入れる', kind: 'paraphrase', relevant: { ...r('f-word-header') } },
  { q: '会議でマイクを切る', kind: 'synonym', relevant: { ...r('f-teams-mute') } },
  { q: 'PDFの文章を書き換える', kind: 'synonym', relevant: { ...r('f-pdf-edit-text'), ...u('f-pdf-to-word') } },
  { q: '白黒で印刷', kind: 'synonym', relevant: { ...r('f-print-mono') } },
  { q: '立て替えた交通費を請求する', kind: 'paraphrase', relevant: { ...r('f-expense') } },
  { q: '空欄がいくつあるか数える', kind: 'paraphrase', relevant: { ...r('f-excel-countblank') } },
  { q: '在職期間を求める', kind: 'synonym', relevant: { ...r('f-excel-datedif') } },
  { q: 'Teamsのお知らせを止めたい', kind: 'synonym', relevant: { ...r('f-teams-notify'), ...u('n-teams-chat-mute') } },
  { q: '相手がメールを読んだか知りたい', kind: 'paraphrase', relevant: { ...r('f-outlook-read-receipt') } },
  { q: '保存し忘れたファイルを取り戻す', kind: 'paraphrase', relevant: { ...r('f-excel-recover'), ...u('shortcut-undo', 'server-backup') } },
  { q: 'ロボットの動作履歴を見る', kind: 'synonym', relevant: { ...r('f-rpa-log'), ...u('rpa-error') } },
  { q: '数字なのに足し算されない', kind: 'paraphrase', relevant: { ...r('f-excel-text-number') } },
  { q: '発表の台本をスライドに書いておく', kind: 'synonym', relevant: { ...r('f-ppt-notes') } },
  { q: '背景に取扱注意と薄く入れる', kind: 'paraphrase', relevant: { ...r('f-word-watermark') } },
  { q: 'メールを決まった時刻に送る', kind: 'paraphrase', relevant: { ...r('f-outlook-schedule-send'), ...u('outlook-delay') } },
  { q: '会議の発言を文字にする', kind: 'paraphrase', relevant: { ...r('f-teams-transcript'), ...u('minutes-ai') } },
  { q: 'A3をA4に縮める', kind: 'synonym', relevant: { ...r('f-print-shrink'), ...u('print-area') } },
  { q: 'ファイルの種類が名前に出ない', kind: 'paraphrase', relevant: { ...r('f-file-extension') } },
  { q: 'PDFをWordで直せる形にする', kind: 'paraphrase', relevant: { ...r('f-pdf-to-word'), ...u('f-pdf-edit-text') } },
] as EvalQuery[]).map((q) => ({ ...q, fresh: true }));
