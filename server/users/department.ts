import type { Database } from '../db/database';

/**
 * A department as stored: one spelling a department, so that rankings and time saved by
 * department (popularity, impact, DX賞) count it once however it was typed or sent — NFKC
 * (ＤＸ推進課 → DX推進課, half-width ｿｳﾑ課 → ソウム課), spaces at the ends dropped and a run of spaces
 * made one. Applied where a department is written (users/store.ts), and to what is compared with
 * a stored one (the proxy's header, the staff import).
 */
export function normalizeDepartment(department: string): string {
  return department.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * Departments stored before they were normalized, made so (each distinct spelling once: a few
 * hundred at most): the members' and the adoptions' (the department a saving was reported in).
 * Returns the rows changed. Run at start-up; a second run changes nothing.
 */
export function normalizeStoredDepartments(db: Database): number {
  let changed = 0;
  db.transaction(() => {
    for (const table of ['users', 'adoptions'] as const) {
      const spellings = db.prepare(`SELECT DISTINCT department FROM ${table}`).pluck().all() as string[];
      const set = db.prepare(`UPDATE ${table} SET department = ? WHERE department = ?`);
      for (const d of spellings) {
        const n = normalizeDepartment(d);
        if (n !== d) changed += set.run(n, d).changes;
      }
    }
  })();
  return changed;
}
