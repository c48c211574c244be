import { hasMessage, msg } from '../i18n/catalogue';

/**
 * The detail of an audit entry in the reader's language: each field by name ("タイトル", "変更前"),
 * codes by their word ("hidden" → 非表示, "member" → 一般, "incorrect" → 内容の誤り). The server
 * records fields and codes as they are (the CSV keeps them so); a field or code this version has
 * no word for is shown as recorded.
 *
 * Which fields hold codes, and whose words they take, depends on the action as well as the name:
 * `reason` is a report's reason code in report.resolve but what a moderator typed when hiding;
 * `from`/`to` are phases of a DX award round but tag names in tag.merge; `published` is a tip's
 * state (公開) but a round's phase (結果発表済み). Looked up by name alone, a tag named "hidden"
 * merged showed as 非表示, a hide reason "spam" as スパム・宣伝, and a round's publication as 公開.
 * Titles, names, usernames and notes are always shown as written.
 */
type Vocabulary = 'role' | 'postStatus' | 'resolution' | 'reportReason' | 'phase' | 'visibility';
const WORDS: Record<Vocabulary, string> = {
  role: 'users.role.', postStatus: 'auditValue.', resolution: 'auditValue.', reportReason: 'report.reason.',
  phase: 'award.phase.', visibility: 'auditValue.visibility.',
};
/** Fields that hold codes whatever the action. */
const CODES: Record<string, Vocabulary> = { role: 'role', status: 'postStatus', resolution: 'resolution', visibility: 'visibility' };
/** Fields that hold codes in these actions only. */
const ACTION_CODES: Record<string, Record<string, Vocabulary>> = {
  'report.resolve': { reason: 'reportReason' },
  'award.phase': { from: 'phase', to: 'phase' },
  'award.publish': { from: 'phase', to: 'phase' },
};

function fieldLabel(key: string): string {
  const k = `auditField.${key}`;
  return hasMessage(k) ? msg(k) : key;
}

function codeWord(code: string, vocabulary: Vocabulary): string {
  const k = `${WORDS[vocabulary]}${code}`;
  return hasMessage(k) ? msg(k) : code;
}

function valueText(value: unknown, action: string, vocabulary: Vocabulary | undefined): string {
  if (value === null || value === undefined) return msg('auditValue.none');
  if (typeof value === 'boolean') return msg(value ? 'auditValue.yes' : 'auditValue.no');
  if (typeof value === 'string') return vocabulary ? codeWord(value, vocabulary) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(v, action, vocabulary)).join(msg('auditValue.separator'));
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${fieldLabel(k)} ${valueText(v, action, codesOf(action, k))}`);
    return `（${parts.join(msg('auditValue.separator'))}）`;
  }
  return String(value);
}

function codesOf(action: string, field: string): Vocabulary | undefined {
  return ACTION_CODES[action]?.[field] ?? CODES[field];
}

/** One line per field: `label: value`. */
export function auditDetailLines(action: string, detail: Record<string, unknown>): string[] {
  return Object.entries(detail).map(([k, v]) => `${fieldLabel(k)}: ${valueText(v, action, codesOf(action, k))}`);
}

/** What kind of thing an entry is about ("報告", "コメント"), or the recorded type. */
export function auditTargetType(type: string): string {
  const k = `auditTarget.${type}`;
  return hasMessage(k) ? msg(k) : type;
}
