/** The text and HTML of Kotsu's mail. Every value from users is escaped in the HTML part. */

export interface Composed {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));

const FOOTER_TEXT = (unsubscribe: string, settings: string) =>
  `\n--\nKotsu（コツ）からのお知らせです。\nメールの設定: ${settings}\n配信停止: ${unsubscribe}\n`;

function wrapHtml(bodyHtml: string, unsubscribe: string, settings: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head>
<body style="font-family: 'Meiryo', 'Yu Gothic', sans-serif; color: #1d2330; line-height: 1.6">
${bodyHtml}
<hr style="border: none; border-top: 1px solid #d4d9e2">
<p style="font-size: 12px; color: #545d6e">Kotsu（コツ）からのお知らせです。
<a href="${escapeHtml(settings)}">メールの設定</a> ・ <a href="${escapeHtml(unsubscribe)}">配信停止</a></p>
</body></html>`;
}

const NOTICE: Record<string, (title: string) => string> = {
  'mention.post': (t) => `コツ「${t}」であなたがメンションされました`,
  'mention.comment': (t) => `コツ「${t}」へのコメントであなたがメンションされました`,
  'comment.replied': (t) => `コツ「${t}」のあなたのコメントに返信がありました`,
};

export const MAILED_KINDS = new Set(Object.keys(NOTICE));

export function composeNotice(n: { kind: string; title: string; actor: string; excerpt: string; url: string }, links: { unsubscribe: string; settings: string }): Composed {
  const line = NOTICE[n.kind](n.title);
  const quote = n.excerpt ? `\n\n${n.actor}:\n> ${n.excerpt}` : `\n\n${n.actor}`;
  return {
    subject: `[Kotsu] ${line}`,
    text: `${line}${quote}\n\n${n.url}\n${FOOTER_TEXT(links.unsubscribe, links.settings)}`,
    html: wrapHtml(`<p>${escapeHtml(line)}</p>
<p>${escapeHtml(n.actor)}${n.excerpt ? `:</p><blockquote style="border-left: 3px solid #d4d9e2; margin: 0; padding-left: 0.75em">${escapeHtml(n.excerpt)}</blockquote>` : '</p>'}
<p><a href="${escapeHtml(n.url)}">コツを開く</a></p>`, links.unsubscribe, links.settings),
  };
}

export interface DigestTip { title: string; url: string; author: string; views: number }
export interface DigestRequest { title: string; url: string; votes: number }

export function composeDigest(d: { newTips: DigestTip[]; popular: DigestTip[]; requests: DigestRequest[] }, links: { unsubscribe: string; settings: string; home: string }): Composed {
  const tipLines = (tips: DigestTip[]) => tips.map((t) => `・${t.title}（${t.author}）\n  ${t.url}`).join('\n');
  const tipItems = (tips: DigestTip[]) => tips.map((t) => `<li><a href="${escapeHtml(t.url)}">${escapeHtml(t.title)}</a>（${escapeHtml(t.author)}）</li>`).join('');
  const sections: [string, string, string][] = [];
  if (d.newTips.length) sections.push(['フォロー中の新しいコツ', tipLines(d.newTips), `<ul>${tipItems(d.newTips)}</ul>`]);
  if (d.popular.length) sections.push(['よく読まれたコツ', tipLines(d.popular), `<ul>${tipItems(d.popular)}</ul>`]);
  if (d.requests.length) {
    sections.push(['回答を待っている「教えて」',
      d.requests.map((r) => `・${r.title}（知りたい ${r.votes} 人）\n  ${r.url}`).join('\n'),
      `<ul>${d.requests.map((r) => `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.title)}</a>（知りたい ${r.votes} 人）</li>`).join('')}</ul>`]);
  }
  return {
    subject: '[Kotsu] 今週のコツ',
    text: `今週のコツのまとめです。\n\n${sections.map(([h, t]) => `■ ${h}\n${t}`).join('\n\n')}\n\n${links.home}\n${FOOTER_TEXT(links.unsubscribe, links.settings)}`,
    html: wrapHtml(`<p>今週のコツのまとめです。</p>\n${sections.map(([h, , html]) => `<h2 style="font-size: 16px">${escapeHtml(h)}</h2>${html}`).join('\n')}`,
      links.unsubscribe, links.settings),
  };
}
