/** Following, the フォロー中 tab, mentions, replies and likers (issue 20). */
export const ja = {
  'follow.follow': 'フォローする',
  'follow.following': 'フォロー中',
  'follow.count': 'フォロワー {n} 人',
  'follow.tagLabel': 'タグ「{name}」をフォロー',
  'follow.userLabel': '{name} さんをフォロー',
  'follow.failed': 'フォローを変更できませんでした: {message}',
  'home.tabs': '表示するコツ',
  'home.tabNew': '新着',
  'home.tabFollowing': 'フォロー中',
  'home.followingEmpty': 'フォロー中のタグや人の新しいコツはまだありません。タグや人のページで「フォローする」を押すと、ここに新着が並びます。',
  'notif.follow.posts': 'フォロー中のタグ・人に新しいコツ「{title}」が投稿されました。',
  'notif.follow.others': 'ほかにも: {text}',
};

export const en: Record<keyof typeof ja, string> = {
  'follow.follow': 'Follow',
  'follow.following': 'Following',
  'follow.count': '{n} followers',
  'follow.tagLabel': 'Follow the tag "{name}"',
  'follow.userLabel': 'Follow {name}',
  'follow.failed': 'Could not change following: {message}',
  'home.tabs': 'Tips to show',
  'home.tabNew': 'New',
  'home.tabFollowing': 'Following',
  'home.followingEmpty': 'No new tips in the tags and people you follow yet. Press "Follow" on a tag or person page to see their new tips here.',
  'notif.follow.posts': 'A new tip "{title}" in the tags and people you follow.',
  'notif.follow.others': 'Also: {text}',
};
