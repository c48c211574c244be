import type { Database } from '../db/database';
import { loginKey } from './identity';
import { normalizeDepartment } from './department';

export type Role = 'member' | 'moderator' | 'admin';

export interface UserRow {
  id: number;
  username: string;
  password_hash: string | null;
  display_name: string;
  department: string;
  role: Role;
  suspended: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface NewUser {
  username: string;
  passwordHash: string | null;
  displayName: string;
  department: string;
  role: Role;
}

export interface UserChanges {
  role?: Role;
  suspended?: boolean;
  displayName?: string;
  department?: string;
}

/** The comparison key of a login name (server/users/identity.ts): NFC, ASCII letters lower-cased, nothing else. */
export const normalizeUsername = loginKey;

export function createUserStore(db: Database) {
  const insert = db.prepare(`INSERT INTO users
    (username, username_norm, password_hash, display_name, department, role, created_at, updated_at)
    VALUES (@username, @norm, @passwordHash, @displayName, @department, @role, @now, @now)`);
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const byName = db.prepare('SELECT * FROM users WHERE username_norm = ?');
  const count = db.prepare('SELECT count(*) AS n FROM users').pluck();
  const update = db.prepare(`UPDATE users SET role = @role, suspended = @suspended, display_name = @displayName,
    department = @department, updated_at = @now WHERE id = @id`);
  const setPassword = db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?');
  const list = db.prepare(`SELECT * FROM users
    WHERE (@q IS NULL OR username_norm LIKE @q ESCAPE '\\' OR display_name LIKE @q ESCAPE '\\' OR department LIKE @q ESCAPE '\\')
      AND (@after IS NULL OR id > @after)
    ORDER BY id LIMIT @limit`);

  const active = db.prepare('SELECT * FROM users WHERE suspended = 0');

  return {
    count: () => count.get() as number,
    /** Members who can sign in, for looking people up by name (people.ts). */
    active: () => active.all() as UserRow[],
    byId: (id: number) => byId.get(id) as UserRow | undefined,
    byUsername: (username: string) => byName.get(normalizeUsername(username)) as UserRow | undefined,
    insert(user: NewUser): UserRow {
      const now = new Date().toISOString();
      const { lastInsertRowid } = insert.run({ ...user, department: normalizeDepartment(user.department), norm: normalizeUsername(user.username), now });
      return byId.get(lastInsertRowid) as UserRow;
    },
    update(user: UserRow, changes: UserChanges): UserRow {
      update.run({
        id: user.id,
        role: changes.role ?? user.role,
        suspended: changes.suspended === undefined ? user.suspended : changes.suspended ? 1 : 0,
        displayName: changes.displayName ?? user.display_name,
        department: changes.department === undefined ? user.department : normalizeDepartment(changes.department),
        now: new Date().toISOString(),
      });
      return byId.get(user.id) as UserRow;
    },
    setPassword(id: number, hash: string) {
      setPassword.run(hash, new Date().toISOString(), id);
    },
    list(q: string | null, after: number | null, limit: number): UserRow[] {
      const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      return list.all({ q: pattern, after, limit }) as UserRow[];
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
