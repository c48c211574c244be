/**
 * Ids that are never given twice (migration 0038): a row deleted from one of these tables leaves
 * its id in `id_high_water`, and a new row takes the next id above both that mark and the table's
 * highest id. Links to tips, notifications, mentions, queued mail and the audit trail name these
 * ids after their row is gone, and must not come to name another one.
 */
export type NeverReusedTable = 'posts' | 'comments' | 'tip_requests' | 'templates' | 'award_nominations';

/** The SQL expression for a new row's id in `table`, for the id column of its INSERT. */
export function newIdSql(table: NeverReusedTable): string {
  return `(SELECT max(ifnull((SELECT max(id) FROM ${table}), 0),
    ifnull((SELECT high FROM id_high_water WHERE tbl = '${table}'), 0)) + 1)`;
}
