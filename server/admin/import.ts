import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Context } from '../context';
import { badRequest } from '../http/errors';
import type { NewUser, Role, UserChanges, UserRow } from '../users/store';
import { isListedAdmin, parseLoginName } from '../users/identity';
import type { ImportReportT, ImportRowT } from './schemas';
import { fold } from '../shared/fold';
import { hasRefusedChars, isBlank } from '../shared/text';
import { normalizeDepartment } from '../users/department';

export const IMPORT_MAX_ROWS = 20_000;
// The same characters checkText refuses in a single-line field (server/shared/text.ts), bidi controls included.

export type CsvEncoding = 'utf-8' | 'shift_jis' | 'utf-16le';

/**
 * Turns the uploaded bytes into text. Excel saves "CSV (comma delimited)" as Shift_JIS (in
 * fact Windows-31J, with ①, ㈱, 髙 and friends), "CSV UTF-8" with a BOM, and "Unicode text" as
 * UTF-16LE with tabs. Without a BOM or a charset, bytes that are valid UTF-8 are UTF-8:
 * Japanese Shift_JIS text is practically never valid UTF-8.
 */
export function decodeCsv(bytes: Buffer, charset?: string): { text: string; encoding: CsvEncoding } {
  const hint = charset?.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const isSjisHint = hint !== undefined && ['shiftjis', 'sjis', 'xsjis', 'windows31j', 'cp932', 'ms932'].includes(hint);
  if (!bom && isSjisHint) return { text: iconv.decode(bytes, 'cp932'), encoding: 'shift_jis' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    if (bom || hint === 'utf8') throw badRequest('csv_not_utf8', 'the file is not valid UTF-8');
    return { text: iconv.decode(bytes, 'cp932'), encoding: 'shift_jis' };
  }
}

type Column = 'username' | 'displayName' | 'department' | 'role';

// Header spellings seen in staff lists (名簿), compared after NFKC, lower case, no spaces or _-.
const HEADERS: Record<Column, string[]> = {
  username: ['username', 'user', 'login', 'loginname', 'loginid', 'userid', 'account', 'ユーザー名', 'ユーザ名', 'ユーザーid',
    'ユーザid', 'ログイン名', 'ログインid', 'アカウント', 'アカウント名', '職員番号', '職員id'],
  displayName: ['displayname', 'name', 'fullname', '氏名', '表示名', '名前', '職員名'],
  department: ['department', 'dept', 'section', '所属', '部署', '所属部署', '所属課', '課', '部局', '課室', '所属名'],
  role: ['role', '権限', 'ロール', '役割'],
};

const ROLES: Record<string, Role> = {
  member: 'member', '一般': 'member', 'メンバー': 'member', '一般ユーザー': 'member',
  moderator: 'moderator', 'モデレーター': 'moderator', 'モデレータ': 'moderator',
  admin: 'admin', administrator: 'admin', '管理者': 'admin',
};

const headerKey = (h: string) => fold(h).replace(/[\s_\-・]/gu, '');

export interface StaffRow {
  line: number;
  username: string;
  displayName: string;
  department?: string;
  role?: string;
}

/** Reads the header and the rows, each with the file line it starts on. File-level problems are a 400. */
export function parseStaffCsv(text: string): { rows: StaffRow[]; ignoredColumns: string[] } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = normalized.slice(0, normalized.indexOf('\n') === -1 ? undefined : normalized.indexOf('\n'));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(normalized, {
      delimiter, record_delimiter: '\n', info: true, raw: true, relax_column_count: true, skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw badRequest('csv_unreadable', `the CSV cannot be read at line ${e.lines ?? '?'}: ${e.message}`, { line: e.lines ?? '?' });
  }
  const startLine = (r: (typeof records)[number]) =>
    r.info.lines - (r.raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g)?.length ?? 0);
  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
  const [header, ...body] = records.filter((r) => !blank(r.record));
  if (!header) throw badRequest('csv_empty', 'the CSV is empty');

  const index: Partial<Record<Column, number>> = {};
  const ignoredColumns: string[] = [];
  header.record.forEach((name, i) => {
    const key = headerKey(name);
    const column = (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(key));
    if (column && index[column] === undefined) index[column] = i;
    else if (name.trim()) ignoredColumns.push(name.trim());
  });
  const missing = (['username', 'displayName'] as const).filter((c) => index[c] === undefined);
  if (missing.length) {
    throw badRequest('csv_missing_columns',
      `the header row needs columns ${missing.join(', ')} (found: ${header.record.join(', ')})`, { columns: missing.join(', ') });
  }
  if (body.length > IMPORT_MAX_ROWS) throw badRequest('csv_too_many_rows', `rows: at most ${IMPORT_MAX_ROWS} rows per file`, { max: IMPORT_MAX_ROWS });
  const cell = (cells: string[], c: Column) => (index[c] === undefined ? undefined : (cells[index[c]!] ?? '').trim());
  return {
    ignoredColumns,
    rows: body.map((r) => ({
      line: startLine(r),
      // Not trimmed here: the login-name rule drops ASCII spaces only, and refuses other spaces.
      username: r.record[index.username!] ?? '',
      displayName: cell(r.record, 'displayName')!,
      department: cell(r.record, 'department'),
      role: cell(r.record, 'role'),
    })),
  };
}

type Op =
  | { kind: 'create'; user: NewUser }
  | { kind: 'update'; target: UserRow; changes: UserChanges; before: Record<string, string>; after: Record<string, string> };

/** Checks every row against the rules and the current users; decides what each row would do. */
export function planImport(ctx: Context, actor: UserRow, rows: StaffRow[]): { report: ImportRowT[]; ops: Op[] } {
  const seen = new Map<string, number>();
  const report: ImportRowT[] = [];
  const ops: Op[] = [];
  for (const row of rows) {
    const messages: string[] = [];
    const reasons: ImportRowT['reasons'] = [];
    // Each problem twice: a stable reason (+params) the web says in the user's language, and the
    // Japanese text `messages` always carried (kept for existing clients).
    const add = (r: ImportRowT['reasons'][number], ja: string) => { reasons.push(r); messages.push(ja); };
    const login = parseLoginName(row.username);
    const username = login.ok ? login.name : row.username;
    if (!login.ok) add({ reason: login.reason }, login.ja);
    else if (seen.has(login.key)) add({ reason: 'import_duplicate_row', params: { line: seen.get(login.key)! } }, `${seen.get(login.key)} 行目と重複しています`);
    else seen.set(login.key, row.line);
    if (isBlank(row.displayName)) add({ reason: 'display_name_empty' }, '氏名が空です');
    else if ([...row.displayName].length > 100) add({ reason: 'display_name_too_long', params: { max: 100 } }, '氏名が長すぎます');
    else if (hasRefusedChars(row.displayName)) add({ reason: 'display_name_control_chars' }, '氏名に制御文字があります');
    const department = row.department;
    if (department !== undefined && [...department].length > 100) add({ reason: 'department_too_long', params: { max: 100 } }, '所属が長すぎます');
    else if (department !== undefined && hasRefusedChars(department)) add({ reason: 'department_control_chars' }, '所属に制御文字があります');
    let role: Role | undefined;
    if (row.role) {
      role = ROLES[fold(row.role)];
      if (!role) add({ reason: 'import_role_unknown', params: { role: row.role } }, `権限「${row.role}」は不明です（member・moderator・admin のいずれか）`);
    }

    const existing = messages.length === 0 ? ctx.users.byUsername(username) : undefined;
    if (existing && existing.id === actor.id && role !== undefined && role !== existing.role) {
      add({ reason: 'self_change_refused' }, '自分自身の権限は変更できません');
    }
    if (ctx.config.authMode === 'proxy' && role !== undefined && login.ok) {
      // KOTSU_ADMINS is the one source of administrators in proxy mode: neither granted nor taken here.
      const listed = isListedAdmin(ctx.config.admins, username);
      if (listed && role !== 'admin') add({ reason: 'env_admin' }, 'KOTSU_ADMINS に登録された管理者です');
      else if (!listed && role === 'admin') add({ reason: 'admins_from_env' }, 'プロキシ認証では管理者は KOTSU_ADMINS で決まります');
    }
    if (messages.length) {
      report.push({ line: row.line, username: row.username, action: 'error', changes: [], messages, reasons });
      continue;
    }
    if (!existing) {
      const user: NewUser = { username, passwordHash: null, displayName: row.displayName, department: department ?? '',
        role: role ?? (ctx.config.authMode === 'proxy' && isListedAdmin(ctx.config.admins, username) ? 'admin' : 'member') };
      ops.push({ kind: 'create', user });
      const local = ctx.config.authMode === 'local';
      report.push({ line: row.line, username, action: 'create',
        changes: ['displayName', ...(department ? ['department'] : []), ...(role ? ['role'] : [])],
        messages: local ? ['パスワード未設定: ログインには設定が必要です'] : [],
        reasons: local ? [{ reason: 'import_password_unset' }] : [] });
      continue;
    }
    const wanted: Record<string, string> = { displayName: row.displayName };
    if (department !== undefined) wanted.department = normalizeDepartment(department);
    if (role !== undefined) wanted.role = role;
    const current: Record<string, string> = { displayName: existing.display_name, department: existing.department, role: existing.role };
    const changed = Object.keys(wanted).filter((k) => wanted[k] !== current[k]);
    if (changed.length === 0) {
      report.push({ line: row.line, username: existing.username, action: 'unchanged', changes: [], messages: [], reasons: [] });
      continue;
    }
    ops.push({
      kind: 'update', target: existing,
      changes: { displayName: wanted.displayName, department: wanted.department, role: wanted.role as Role | undefined },
      before: Object.fromEntries(changed.map((k) => [k, current[k]])),
      after: Object.fromEntries(changed.map((k) => [k, wanted[k]])),
    });
    report.push({ line: row.line, username: existing.username, action: 'update', changes: changed, messages: [], reasons: [] });
  }
  return { report, ops };
}

/**
 * Imports a staff list: all rows or none. With errors, or as a dry run, nothing is written and
 * the report says what each row would have done.
 */
export function importStaff(ctx: Context, actor: UserRow, bytes: Buffer, opts: { charset?: string; dryRun: boolean }): ImportReportT {
  const { text, encoding } = decodeCsv(bytes, opts.charset);
  const { rows, ignoredColumns } = parseStaffCsv(text);
  const { report, ops } = planImport(ctx, actor, rows);
  const count = (a: ImportRowT['action']) => report.filter((r) => r.action === a).length;
  const summary = { rows: report.length, create: count('create'), update: count('update'), unchanged: count('unchanged'), error: count('error') };
  const apply = summary.error === 0 && !opts.dryRun;
  if (apply && ops.length > 0) {
    ctx.db.transaction(() => {
      for (const op of ops) {
        if (op.kind === 'create') ctx.users.insert(op.user);
        else ctx.users.update(op.target, op.changes);
      }
      ctx.audit.write({
        actorId: actor.id, action: 'user.import', targetType: 'user', targetId: null,
        detail: {
          // Each field by name (not a spread of summary): tests/web/audit-fields.test.ts reads them here.
          encoding, rows: summary.rows, create: summary.create, update: summary.update, unchanged: summary.unchanged, error: summary.error,
          created: ops.flatMap((o) => (o.kind === 'create' ? [{ username: o.user.username, role: o.user.role, department: o.user.department }] : [])),
          updated: ops.flatMap((o) => (o.kind === 'update' ? [{ username: o.target.username, before: o.before, after: o.after }] : [])),
        },
      });
    })();
  }
  return { applied: apply, dryRun: opts.dryRun, encoding, summary, ignoredColumns, rows: report };
}
