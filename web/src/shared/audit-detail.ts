import { hasMessage, msg } from '../i18n/catalogue';

/**
 * The detail of an audit entry in the reader's language: each field by name ("タイトル", "変更前"),
 * codes by their word ("hidden" → 非表示, "member" → 一般, "incorrect" → 内容の誤り). The server
 * records fields and codes as they are (the CSV keeps them so); a field or code this version has
 * no word for is shown as recorded. Only the fields that hold codes are looked up: titles, names,
 * usernames ("admin" is also a role) and notes are shown as written.
 */
const CODE_FIELDS = new Set(['role', 'status', 'resolution', 'reason', 'from', 'to', 'visibility']);
/** Where a code's word may be: the audit's own words first, then the lists the app already has. */
const CODE_PREFIXES = ['auditValue.', 'users.role.', 'report.reason.', 'award.phase.'];

function fieldLabel(key: string): string {
  const k = `auditField.${key}`;
  return hasMessage(k) ? msg(k) : key;
}

function codeWord(code: string): string {
  for (const prefix of CODE_PREFIXES) {
    const k = `${prefix}${code}`;
    if (hasMessage(k)) return msg(k);
  }
  return code;
}

function valueText(value: unknown, isCode: boolean): string {
  if (value === null || value === undefined) return msg('auditValue.none');
  if (typeof value === 'boolean') return msg(value ? 'auditValue.yes' : 'auditValue.no');
  if (typeof value === 'string') return isCode ? codeWord(value) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(v, isCode)).join(msg('auditValue.separator'));
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${fieldLabel(k)} ${valueText(v, CODE_FIELDS.has(k))}`);
    return `（${parts.join(msg('auditValue.separator'))}）`;
  }
  return String(value);
}

/** One line per field: `label: value`. */
export function auditDetailLines(detail: Record<string, unknown>): string[] {
  return Object.entries(detail).map(([k, v]) => `${fieldLabel(k)}: ${valueText(v, CODE_FIELDS.has(k))}`);
}

/** What kind of thing an entry is about ("報告", "コメント"), or the recorded type. */
export function auditTargetType(type: string): string {
  const k = `auditTarget.${type}`;
  return hasMessage(k) ? msg(k) : type;
}
