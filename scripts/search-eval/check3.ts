/**
 * Check set 3: synonyms and paraphrases (issue 19). Written by the helper session `check3` on
 * 2026-12-07 between 11:34 and 11:39 UTC (committed as 7a79242 before the one run), BEFORE any engine change of that session, by a helper
 * who had not read the engine: nothing under server/search/ (nor its data), docs/search.md, the
 * Sudachi synonym dictionary, EDICT, WordNet or any thesaurus was opened to write it, nor the
 * held-out set. Of collection.ts only its first 30 lines (the types) were read; fresh.ts was read
 * for its format only (its subjects are avoided).
 *
 * The tips are written as staff write them, and the queries as staff type them into a search box,
 * by meaning: a `synonym` query names the thing or the action with another word than its tip
 * (kanji word / katakana loanword both ways, 漢語 / 和語 verbs, formal / casual, a feature's name /
 * the everyday name, abbreviations); a `paraphrase` query describes the task in everyday words
 * without the tip's key term; a `none` query is a plausible request on a subject no tip covers
 * (it must find nothing). No word was chosen because a dictionary was guessed to hold or to lack
 * it. Grades: 2 = answers it exactly, 1 = useful; a tip not listed is 0. Tips prefixed `c3n-` are
 * near misses: they share a surface word (or an obvious synonym) with a query but do not answer it.
 *
 * Evaluated with the development tips (collection.ts) in the same collection, since a real wiki
 * holds both: `npx tsx scripts/eval-search.ts --check3 [--check3-only] [--verbose]`. No development
 * tip is graded (their subjects were not read): a development tip that also answers one of these
 * queries counts as 0 here. The one baseline run showed that many do (same subjects under other
 * keys), so the figures understate the engine; see /work/wt/notes/check3.md.
 *
 * This is a check set: it is reported apart and NEVER tuned on. Queries and grades were fixed
 * before the engine was run on them once (baseline in /work/wt/notes/check3-baseline.txt); do not
 * edit them to fit a result.
 */
import type { EvalTip } from './collection';
import type { GradedQuery } from './evaluate';

export type Check3Kind = 'synonym' | 'paraphrase' | 'none';
export interface Check3Query extends GradedQuery { kind: Check3Kind }
export const CHECK3_KINDS: readonly Check3Kind[] = ['synonym', 'paraphrase', 'none'];

const T = (key: string, title: string, tags: string[], body: string): EvalTip => ({ key, title, tags, body });

export const CHECK3_TIPS: EvalTip[] = [
  // Excel
  T('c3-excel-dedupe', '「重複の削除」で名簿の同じ行を1つにまとめる', ['Excel', 'データ整理'], '名簿の範囲を選んでデータタブの「重複の削除」を押し、判定に使う列（氏名と生年月日など）にチェックを入れます。同じ内容の行は最初の1行だけが残り、ほかは削除されます。念のため元のシートをコピーしてから実行してください。'),
  T('c3-excel-sort', '複数の条件で表を並べ替える', ['Excel'], '表の中を選んでデータタブの「並べ替え」を開き、「レベルの追加」で条件を増やします。最優先を所属、次を職員番号の昇順にすると、所属ごとに番号順に並びます。見出しの行がある場合は「先頭行をデータの見出しとして使用する」にチェックを入れます。'),
  T('c3-excel-protect', 'シートを保護して数式のセルを書き換えられないようにする', ['Excel', 'セキュリティ'], '入力してほしいセルだけを選び、セルの書式設定の「保護」タブで「ロック」のチェックを外します。そのあと校閲タブの「シートの保護」を実行すると、それ以外のセルは変更できなくなります。照会様式を配るときに、集計用の数式を守れます。'),
  T('c3-excel-dropdown', '入力規則で一覧から選んで入力できるようにする', ['Excel', '入力'], 'セルを選んでデータタブの「データの入力規則」を開き、入力値の種類を「リスト」にして、元の値に「可,否,保留」のようにカンマで区切って書きます。セルの右に▼が出て、一覧から選ぶだけで入力できるので、表記のゆれを防げます。'),
  T('c3-excel-csv-import', 'CSVを読み込むときに先頭の0が消えないようにする', ['Excel', 'CSV'], 'CSVをダブルクリックで開くと、職員番号や郵便番号の先頭の0が消えてしまいます。データタブの「テキストまたはCSVから」で読み込み、「データの変換」で該当の列のデータ型を「テキスト」にしてから読み込むと、0が残ります。'),
  T('c3-excel-filter', 'フィルターで条件に合う行だけを表示する', ['Excel', 'データ整理'], '見出しの行を選んでCtrl+Shift+Lを押すと、各列に▼が付きます。▼から「数値フィルター」や「テキストフィルター」を選ぶと、たとえば金額が10万円以上の行だけに絞り込めます。絞り込んだ行を選んでコピーすれば、別のシートに貼り付けられます。'),
  T('c3-excel-rounddown', 'ROUNDDOWN関数で小数点以下を切り捨てる', ['Excel', '関数'], '補助金の額を計算して1円未満を切り捨てるときは =ROUNDDOWN(B2*C2,0) とします。第2引数を-3にすると千円未満の切り捨てです。四捨五入ならROUND、切り上げならROUNDUPを使います。'),
  T('c3-excel-concat', '&やCONCAT関数で複数のセルの文字列を結合する', ['Excel', '関数'], '=A2&B2 と書くと、姓と名を1つのセルにまとめられます。間に空白を入れるなら =A2&" "&B2 です。範囲をまとめて結合するならCONCAT関数、区切り文字を入れるならTEXTJOIN関数が便利です。'),
  T('c3-excel-strike', 'Excelのセルの文字に取り消し線を引く', ['Excel', '書式'], 'セルを選んでCtrl+5を押すと、文字に横線が引かれます。もう一度押すと外れます。文字の一部だけに引くときは、セルを編集状態にしてその部分を選んでから押します。'),
  T('c3-excel-transpose', '行と列を入れ替えて貼り付ける', ['Excel'], '元の表をコピーし、貼り付け先で右クリックして「形式を選択して貼り付け」を開き、「行列を入れ替える」にチェックを入れます。月が列方向に並んだ表を、月が行方向に並ぶ表に直したいときに使います。'),
  T('c3-excel-print-titles', '印刷タイトルで全ページに見出しの行を印刷する', ['Excel', '印刷'], 'ページレイアウトタブの「印刷タイトル」を開き、「タイトル行」に $1:$2 のように見出しの行を指定します。表が何ページにわたっても、各ページの上に同じ見出しが印刷されます。'),
  T('c3-excel-visible', '非表示の行を除いて、見えているセルだけをコピーする', ['Excel'], 'フィルターで絞り込んだ表や、行を非表示にした表をそのままコピーすると、隠れた行まで貼り付けられることがあります。範囲を選んでAlt+;（セミコロン）を押すと可視セルだけが選ばれ、その状態でコピーすれば見えている行だけを貼り付けられます。'),
  // VBA / RPA
  T('c3-vba-unblock', 'インターネットから入手したxlsmのマクロがブロックされたとき', ['VBA', 'セキュリティ'], 'メールの添付やWebから保存したファイルは、セキュリティのためマクロが実行できない状態で開きます。エクスプローラーでファイルを右クリックして「プロパティ」を開き、下の「許可する」にチェックを入れてから開き直します。信頼できる送り主のファイルだけにしてください。'),
  T('c3-winactor-wait', 'WinActorで画面が表示されるまで待機させる', ['RPA', 'WinActor'], 'システムの画面が開く前に次の操作をすると、シナリオがエラーで止まります。「待機ボックス」や「画像マッチング」で画面が出たのを確認してから次に進むようにすると安定します。秒数を決めて待つだけだと、混んでいる時間帯に失敗します。'),
  T('c3-uipath-selector', 'UiPathのセレクターを直して画面の変更に対応する', ['RPA', 'UiPath'], 'システムの更新で画面の項目名やidが変わると、「要素が見つかりません」というエラーで止まります。UI Explorerで対象の要素を選び直し、変わりやすい属性はワイルドカード（*）に置き換えると、多少の変更では止まらなくなります。'),
  T('c3-pa-schedule', 'Power Automateのフローを毎朝決まった時刻に自動で動かす', ['RPA', 'Power Automate'], 'フローを作るときに「スケジュール済みクラウドフロー」を選び、開始日時と繰り返しの間隔（1日ごと、平日のみなど）を設定します。毎朝8時に共有フォルダーの新しいファイルを集計する、といった作業を人の手を使わずに回せます。'),
  // Access
  T('c3-access-relation', 'Accessでリレーションシップを設定してテーブルを関連付ける', ['Access'], 'データベースツールタブの「リレーションシップ」を開き、職員テーブルの所属コードを所属テーブルの所属コードへドラッグします。「参照整合性」にチェックを入れると、存在しない所属コードは入力できなくなります。'),
  T('c3-access-param', 'パラメータークエリで実行するたびに抽出条件を入力する', ['Access', 'クエリ'], 'クエリのデザインビューで、抽出条件の欄に [年度を入力してください] のように角かっこで文を書きます。クエリを開くたびにその文の入力欄が表示され、入力した値で絞り込んだ結果が出ます。'),
  // PDF
  T('c3-pdf-merge', '複数のPDFを1つのファイルに結合する', ['PDF'], 'Acrobatの「ファイルを結合」を開き、まとめたいPDFをドラッグして順番を並べ替え、「結合」を押します。起案の添付資料を1ファイルにしておくと、決裁者が開く手間が減ります。'),
  T('c3-pdf-compress', 'PDFのファイルサイズを小さくする', ['PDF'], 'スキャンしたPDFはサイズが大きく、メールに添付できないことがあります。Acrobatの「PDFを圧縮」を使うか、「その他の形式で保存」から「サイズが縮小されたPDF」を選ぶと、画質を少し落としてサイズを減らせます。'),
  T('c3-pdf-rotate', 'PDFのページを回転して保存する', ['PDF'], 'Acrobatの「ページを整理」で向きの違うページを選び、回転ボタンで正しい向きにして保存します。表示の回転（Ctrl+Shift+プラス）だけでは保存されないので注意してください。'),
  // Outlook
  T('c3-outlook-rule', '仕分けルールで受信メールを自動でフォルダーに振り分ける', ['Outlook', 'メール'], 'メールを右クリックして「ルール」→「仕分けルールの作成」を選び、差出人や件名の条件と移動先のフォルダーを指定します。メーリングリストや定期的な報告を別のフォルダーに振り分けておくと、受信トレイが見やすくなります。'),
  T('c3-outlook-recall', '送ったメールを「メッセージの取り消し」で取り消す', ['Outlook', 'メール'], '宛先や添付を間違えて送ったときは、送信済みアイテムからそのメールを開き、「アクション」→「メッセージの取り消し」を選びます。庁内のExchange宛てで、相手がまだ開いていない場合だけ削除できます。庁外に送ったメールは取り消せないので、すぐに電話で連絡してください。'),
  T('c3-outlook-ooo', '休暇中は「自動応答」で不在を知らせる', ['Outlook', 'メール'], 'ファイルタブの「自動応答」を開き、「自動応答を送信する」を選んで期間と本文を設定します。庁内向けと庁外向けで別の文面にできます。戻ったら忘れずにオフにします。'),
  T('c3-outlook-signature', 'Outlookの署名を作って自動で入れる', ['Outlook', 'メール'], 'ファイルタブの「オプション」→「メール」→「署名」で、所属、氏名、内線番号を書いた署名を作ります。「新しいメッセージ」と「返信/転送」に既定の署名を選んでおくと、メールを作るたびに自動で入ります。'),
  // Teams
  T('c3-teams-background', 'Teams会議で背景をぼかす・画像に変える', ['Teams', '会議'], 'カメラをオンにする前の画面か、会議中の「…」→「背景効果を適用する」で「ぼかし」や用意された画像を選びます。テレワークで自宅から参加するときに使います。'),
  // Word / PowerPoint
  T('c3-word-track', '変更履歴を記録して修正した箇所を残す', ['Word', '文書'], '校閲タブの「変更履歴の記録」をオンにしてから直すと、消した文字には取り消し線、加えた文字には下線が付き、色で表示されます。相手は「承諾」か「元に戻す」で1か所ずつ確定できます。'),
  T('c3-word-ruby', '漢字にルビ（ふりがな）を付ける', ['Word', '文書'], '文字を選んでホームタブの「ルビ」（亜のボタン）を押すと、読みが自動で入ります。人名は読みが違うことが多いので、ルビの欄で直してから「OK」を押します。'),
  T('c3-word-mailmerge', '差し込み印刷でExcelの名簿から一人ずつ文書を作る', ['Word', '印刷'], '差し込み文書タブの「宛先の選択」でExcelの名簿を選び、「差し込みフィールドの挿入」で氏名や住所を本文に入れます。「完了と差し込み」で、名簿の人数分の文書ができます。'),
  T('c3-ppt-slide-size', 'スライドのサイズを16:9から4:3に変える', ['PowerPoint'], 'デザインタブの「スライドのサイズ」で「標準(4:3)」を選びます。古いプロジェクターで左右が切れるときに使います。すでに作ったスライドは「サイズに合わせて調整」を選ぶと図形がはみ出しません。'),
  // Printers
  T('c3-print-duplex', '複合機で両面印刷する', ['印刷', 'プリンタ'], '印刷画面のプリンターのプロパティで「両面」を選び、とじ方向を「長辺とじ」にします。横向きの資料は「短辺とじ」にしないと、裏のページが逆さまになります。'),
  T('c3-print-staple', 'プリンターのステープル機能で資料をとじて出す', ['印刷', 'プリンタ'], 'プロパティの「フィニッシング」タブで「ステープル」を「左上1か所」にします。部数を指定すると、1部ずつとじられて出てきます。会議資料を手でとじる手間が省けます。'),
  // Windows
  T('c3-win-screenshot', '画面の一部を切り取って画像にする（Windows+Shift+S）', ['Windows'], 'Windows+Shift+Sを押すと画面が暗くなり、ドラッグで囲んだ部分だけが画像としてクリップボードに入ります。そのままメールやExcelに貼り付けられます。操作手順書を作るときに便利です。'),
  T('c3-win-zip', 'フォルダーをzipに圧縮して1つのファイルにまとめる', ['Windows', 'ファイル'], 'フォルダーを右クリックして「圧縮先」→「ZIPファイル」を選ぶと、同じ場所に.zipができます。たくさんのファイルを1つにまとめて渡したいときに使います。庁外に送るときはパスワード付きの方法を情報政策課の手順で確認してください。'),
  T('c3-win-clipboard', 'Windows+Vでクリップボードの履歴から貼り付ける', ['Windows'], '設定の「クリップボード」で「クリップボードの履歴」をオンにすると、Windows+Vで最近コピーしたもの（最大25件）の一覧が出て、選んで貼り付けられます。'),
  T('c3-win-lock', '離席時はWindows+Lで画面をロックする', ['Windows', 'セキュリティ'], '短い時間でも、パソコンから離れるときはWindows+Lを押してロックします。戻ったらパスワードかPINで解除します。個人情報を扱う部署では、画面の自動ロックも10分以内に設定してください。'),
  // Government paperwork
  T('c3-kian-hikimodoshi', '決裁が終わる前に起案を引き戻して直す', ['電子決裁', '文書'], '電子決裁システムで回付中の起案を開き、「引戻し」を押すと起案者の手元に戻ります。誰かが承認したあとは引き戻せないので、その場合は承認者に差し戻してもらいます。'),
  T('c3-fukumei', '出張から戻ったら復命書を提出する', ['旅費', '出張'], '出張の用務が終わったら、5日以内に復命書を作って所属長に回します。用務の内容と結果、受け取った資料を簡潔に書きます。旅費の精算は復命書の決裁が済んでから行います。'),
  T('c3-nenkyu', '年次休暇を半日や時間単位で取る', ['休暇', '庶務'], '年次休暇は1日単位のほか、半日（午前・午後）や1時間単位でも取れます。庶務事務システムの「休暇申請」で種類を年次休暇にし、開始と終了の時刻を入れて申請します。時間単位で取れるのは年5日分までです。'),
  T('c3-kango', '子の看護休暇を取る', ['休暇', '庶務'], '病気やけがをした子の看病や、予防接種の付き添いのときに取れる特別休暇です。子が1人なら年5日、2人以上なら年10日まで、1時間単位でも取れます。庶務事務システムで休暇の種類を「子の看護」にして申請します。'),
  T('c3-jikangai', '時間外勤務は事前に命令を受けてから行う', ['勤務', '庶務'], '定時を過ぎて仕事をするときは、始める前に所属長から時間外勤務の命令を受け、庶務事務システムに予定の時間を入力します。終わったら実績を入れると、翌月の給与で手当が支給されます。'),
  T('c3-bunsho-hozon', '公文書の保存期間の決め方', ['文書管理'], '文書を作ったら、文書分類表で該当する分類を探し、決められた保存期間（1年、3年、5年、10年、30年）を設定します。保存期間が満了した文書は、廃棄するか歴史公文書として移管するかを判断します。'),

  // Near misses: a surface word (or an obvious synonym) shared with a query, another subject.
  T('c3n-excel-func-help', '関数の引数を忘れたときは「関数の挿入」を開く', ['Excel', '関数'], '数式バーの左のfxボタンかShift+F3で「関数の挿入」が開きます。関数名で検索でき、引数ごとの説明を見ながら入力できます。'),
  T('c3n-excel-merge-cells', 'セルを結合せずに複数のセルの中央に見出しを置く', ['Excel', '書式'], 'セルを結合すると、並べ替えやコピーで不具合が起きやすくなります。範囲を選んでセルの書式設定の「配置」で横位置を「選択範囲内で中央」にすると、結合したように見えます。'),
  T('c3n-excel-phonetic', 'PHONETIC関数で名簿の氏名のふりがなを取り出す', ['Excel', '関数'], '=PHONETIC(B2) と書くと、氏名を入力したときの読みがカタカナで表示されます。ほかのシステムから貼り付けた氏名には読みの情報がないので、表示されません。'),
  T('c3n-pa-approval', 'Power Automateで上司の承認を求めるフローを作る', ['RPA', 'Power Automate'], '「承認を開始して待機」アクションを使うと、申請内容がTeamsとメールで承認者に届きます。承認か却下かで、そのあとの処理を分けられます。'),
  T('c3n-access-import', 'ExcelのデータをAccessのテーブルにインポートする', ['Access', 'Excel'], '外部データタブの「新しいデータソース」から「ファイルから」→「Excel」を選びます。既存のテーブルに追加するか、新しいテーブルを作るかを選べます。先頭行を列見出しとして使う設定にチェックを入れてください。'),
  T('c3n-ppt-compress', 'PowerPointの画像を圧縮してファイルを小さくする', ['PowerPoint'], '写真の多いスライドは数十MBになります。画像を選んで図の形式タブの「図の圧縮」を押し、「この画像だけに適用する」を外して解像度を「電子メール用」にすると、すべての画像が小さくなります。'),
  T('c3n-outlook-reply-all', '「全員に返信」で関係ない人にまで送らないために', ['Outlook', 'メール'], '一斉送信のメールに「全員に返信」すると、質問への答えが全員に届いてしまいます。差出人だけに答えるときは「返信」を使い、宛先を確認してから送信します。'),
  T('c3n-id-copy', '免許証の表と裏を1枚の用紙にコピーする', ['複合機'], '複合機のコピーで「IDカードコピー」を選び、表を読み取ったあと裏返してもう一度スタートを押します。1枚のA4に上下に並んで出てきます。'),
  T('c3n-toner', '複合機のトナーを交換する', ['印刷', 'プリンタ'], 'パネルにトナーの交換表示が出たら、前のカバーを開けて該当の色のカートリッジを取り出し、新しいものをよく振ってから差し込みます。空のカートリッジは回収箱に入れます。'),
  T('c3n-word-select', 'Altキーを押しながらドラッグして縦方向に範囲を選択する', ['Word'], '行頭の番号だけを消したいときなど、Altキーを押しながらドラッグすると四角い範囲で文字を選べます。Excelから貼り付けた表の一列だけを直すときにも使えます。'),
  T('c3n-win-brightness', 'ノートパソコンの画面が暗いときに明るさを調整する', ['Windows'], 'タスクバー右下の通知領域を開き、明るさのスライダーを動かします。電源につないでいないと省電力のために暗くなることがあります。'),
  T('c3n-kian-bun', '起案文の件名と伺い文の書き方', ['文書', '起案'], '件名は「〇〇について（伺い）」とし、本文の最初に「このことについて、下記のとおり実施してよろしいか伺います。」と書きます。理由と経過は別記にまとめます。'),
  T('c3n-kippu', '出張の乗車券や航空券を旅行会社に手配する', ['旅費', '出張'], '宿泊を伴う出張は、出張命令が決裁されてから契約している旅行会社に依頼します。依頼書に日程と用務地を書き、チケットは庶務担当が受け取ります。'),
  T('c3n-kaki', '夏季休暇の取れる期間と日数', ['休暇', '庶務'], '夏季休暇は7月から9月の間に5日まで取れます。土日や祝日をはさんで取ると長く休めます。年次休暇とは別の特別休暇です。'),
  T('c3n-furikae', '休日に出勤したときの週休日の振替', ['勤務', '庶務'], 'イベントなどで土日に勤務するときは、前後4週間の中で別の日に週休日を振り替えます。振替は勤務する前に決めて、庶務事務システムで申請します。'),
];

const r = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 2])) as Record<string, 2>;
const u = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 1])) as Record<string, 1>;

export const CHECK3_QUERIES: Check3Query[] = [
  // synonym: the same thing or action under another word
  { q: '名簿のダブりを消す', kind: 'synonym', relevant: { ...r('c3-excel-dedupe') } },
  { q: '複数の列でソート', kind: 'synonym', relevant: { ...r('c3-excel-sort') } },
  { q: 'シートを編集禁止にする', kind: 'synonym', relevant: { ...r('c3-excel-protect') } },
  { q: 'プルダウンを作る', kind: 'synonym', relevant: { ...r('c3-excel-dropdown') } },
  { q: 'CSV取り込み 先頭のゼロ', kind: 'synonym', relevant: { ...r('c3-excel-csv-import') } },
  { q: '該当データだけ抜き出す', kind: 'synonym', relevant: { ...r('c3-excel-filter'), ...u('c3-access-param') } },
  { q: '端数処理 関数', kind: 'synonym', relevant: { ...r('c3-excel-rounddown') } },
  { q: 'セルの文字をつなげる', kind: 'synonym', relevant: { ...r('c3-excel-concat') } },
  { q: 'WinActor ウェイトを入れる', kind: 'synonym', relevant: { ...r('c3-winactor-wait') } },
  { q: 'フローの定期実行', kind: 'synonym', relevant: { ...r('c3-pa-schedule') } },
  { q: 'Access テーブルを紐づける', kind: 'synonym', relevant: { ...r('c3-access-relation') } },
  { q: 'PDF ファイル 合体', kind: 'synonym', relevant: { ...r('c3-pdf-merge') } },
  { q: 'PDF 軽くしたい', kind: 'synonym', relevant: { ...r('c3-pdf-compress') } },
  { q: 'メールを差出人ごとに分類', kind: 'synonym', relevant: { ...r('c3-outlook-rule') } },
  { q: '誤送信 メール 回収', kind: 'synonym', relevant: { ...r('c3-outlook-recall') } },
  { q: '留守 自動返信', kind: 'synonym', relevant: { ...r('c3-outlook-ooo') } },
  { q: '見え消しで修正', kind: 'synonym', relevant: { ...r('c3-word-track'), ...u('c3-excel-strike') } },
  { q: 'Word 漢字に読み仮名', kind: 'synonym', relevant: { ...r('c3-word-ruby') } },
  { q: 'パワポ 縦横比を変える', kind: 'synonym', relevant: { ...r('c3-ppt-slide-size') } },
  { q: '裏表 印刷', kind: 'synonym', relevant: { ...r('c3-print-duplex') } },
  { q: 'ホチキス留めで印刷', kind: 'synonym', relevant: { ...r('c3-print-staple') } },
  { q: 'スクショ 範囲指定', kind: 'synonym', relevant: { ...r('c3-win-screenshot') } },
  { q: 'ファイルを固めて送る', kind: 'synonym', relevant: { ...r('c3-win-zip') } },
  { q: '起案 取り下げ', kind: 'synonym', relevant: { ...r('c3-kian-hikimodoshi') } },
  { q: '出張の報告書', kind: 'synonym', relevant: { ...r('c3-fukumei') } },
  { q: '有給 半休', kind: 'synonym', relevant: { ...r('c3-nenkyu') } },
  { q: '残業 申請', kind: 'synonym', relevant: { ...r('c3-jikangai') } },
  // paraphrase: the task in everyday words, without the tip's key term
  { q: '横に並んだ項目を縦に並べ直す', kind: 'paraphrase', relevant: { ...r('c3-excel-transpose') } },
  { q: '2ページ目以降にも表の項目名を印刷', kind: 'paraphrase', relevant: { ...r('c3-excel-print-titles') } },
  { q: '隠した行をよけて貼り付ける', kind: 'paraphrase', relevant: { ...r('c3-excel-visible') } },
  { q: 'もらったファイルのマクロが動かない', kind: 'paraphrase', relevant: { ...r('c3-vba-unblock') } },
  { q: '画面が変わってロボットがボタンを見つけられない', kind: 'paraphrase', relevant: { ...r('c3-uipath-selector'), ...u('c3-winactor-wait') } },
  { q: 'Access 毎回条件を変えて検索', kind: 'paraphrase', relevant: { ...r('c3-access-param') } },
  { q: 'スキャンしたPDFが横倒し', kind: 'paraphrase', relevant: { ...r('c3-pdf-rotate') } },
  { q: 'メールの末尾に連絡先を毎回つける', kind: 'paraphrase', relevant: { ...r('c3-outlook-signature') } },
  { q: 'ビデオ会議で後ろの部屋を映さない', kind: 'paraphrase', relevant: { ...r('c3-teams-background') } },
  { q: '相手の名前だけ変えて同じ文書を大量に作る', kind: 'paraphrase', relevant: { ...r('c3-word-mailmerge') } },
  { q: '少し前にコピーした文字をもう一度貼る', kind: 'paraphrase', relevant: { ...r('c3-win-clipboard') } },
  { q: '席を外すときパソコンを見られないように', kind: 'paraphrase', relevant: { ...r('c3-win-lock') } },
  { q: '書類を何年とっておくか', kind: 'paraphrase', relevant: { ...r('c3-bunsho-hozon') } },
  { q: '子どもが熱を出したときの休み', kind: 'paraphrase', relevant: { ...r('c3-kango'), ...u('c3-nenkyu') } },
  // none: plausible requests on subjects no tip covers
  { q: '健康診断の受診日', kind: 'none', relevant: {} },
  { q: '防災服の貸与', kind: 'none', relevant: {} },
  { q: '公用車 ガソリン', kind: 'none', relevant: {} },
  { q: '手話通訳 派遣', kind: 'none', relevant: {} },
];
