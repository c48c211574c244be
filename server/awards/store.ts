import type { Database } from '../db/database';
import type { AwardBadgeT } from './badge';
import { newIdSql } from '../db/ids';

export type Phase = 'nominating' | 'scoring' | 'closed' | 'published';
export const PHASES: readonly Phase[] = ['nominating', 'scoring', 'closed', 'published'];

export interface RoundRow {
  id: number;
  title: string;
  phase: Phase;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  results_visibility: 'winners' | 'ranking';
}

export interface CriterionRow { key: string; label: string; weight: number }

export interface JudgeRow { id: number; username: string; display_name: string; department: string }

export interface NominationRow {
  id: number;
  round_id: number;
  post_id: number;
  category: string;
  statement: string;
  nominated_by: number;
  created_at: string;
  prize: string | null;
  prize_order: number | null;
  /** The tip's author and status, joined: the conflict-of-interest rule and visibility need them. */
  author_id: number;
  post_status: string;
  nominator_username: string;
  nominator_display_name: string;
  nominator_department: string;
}

export interface ScoreRow {
  nomination_id: number;
  judge_id: number;
  scores: string;
  comment: string;
  scored_at: string;
}

export interface NewRound {
  title: string;
  categories: readonly string[];
  criteria: readonly CriterionRow[];
  judgeIds: readonly number[];
  createdBy: number;
}

const NOMINATION_COLUMNS = `n.*, p.author_id, p.status AS post_status,
  u.username AS nominator_username, u.display_name AS nominator_display_name, u.department AS nominator_department`;
const NOMINATION_FROM = `award_nominations n JOIN posts p ON p.id = n.post_id JOIN users u ON u.id = n.nominated_by`;

export function createAwardStore(db: Database) {
  const insertRound = db.prepare(`INSERT INTO award_rounds (title, phase, created_by, created_at, updated_at)
    VALUES (?, 'nominating', ?, ?, ?)`);
  const roundById = db.prepare('SELECT * FROM award_rounds WHERE id = ?');
  const listRounds = db.prepare(`SELECT * FROM award_rounds WHERE (@after IS NULL OR id < @after)
    ORDER BY id DESC LIMIT @limit`);
  const setTitle = db.prepare('UPDATE award_rounds SET title = ?, updated_at = ? WHERE id = ?');
  const setPhase = db.prepare('UPDATE award_rounds SET phase = ?, updated_at = ? WHERE id = ?');
  const markPublished = db.prepare(`UPDATE award_rounds SET phase = 'published', published_at = @now, updated_at = @now,
    results_visibility = @visibility WHERE id = @id`);

  const categories = db.prepare('SELECT name FROM award_categories WHERE round_id = ? ORDER BY position').pluck();
  const clearCategories = db.prepare('DELETE FROM award_categories WHERE round_id = ?');
  const insertCategory = db.prepare('INSERT INTO award_categories (round_id, position, name) VALUES (?, ?, ?)');
  const criteria = db.prepare('SELECT key, label, weight FROM award_criteria WHERE round_id = ? ORDER BY position');
  const clearCriteria = db.prepare('DELETE FROM award_criteria WHERE round_id = ?');
  const insertCriterion = db.prepare(`INSERT INTO award_criteria (round_id, position, key, label, weight)
    VALUES (?, ?, ?, ?, ?)`);
  const judges = db.prepare(`SELECT u.id, u.username, u.display_name, u.department FROM award_judges j
    JOIN users u ON u.id = j.user_id WHERE j.round_id = ? ORDER BY j.position`);
  const isJudge = db.prepare('SELECT 1 FROM award_judges WHERE round_id = ? AND user_id = ?').pluck();
  const clearJudges = db.prepare('DELETE FROM award_judges WHERE round_id = ?');
  const insertJudge = db.prepare('INSERT INTO award_judges (round_id, user_id, position) VALUES (?, ?, ?)');
  // Nominations whose tip is published, and hidden ones too for those who may read hidden tips.
  const VISIBLE = `(p.status = 'published' OR (@withHidden = 1 AND p.status = 'hidden'))`;
  const nominationCount = db.prepare(`SELECT count(*) FROM award_nominations n JOIN posts p ON p.id = n.post_id
    WHERE n.round_id = @roundId AND ${VISIBLE}`).pluck();
  const categoryInUse = db.prepare('SELECT 1 FROM award_nominations WHERE round_id = ? AND category = ? LIMIT 1').pluck();

  const insertNomination = db.prepare(`INSERT INTO award_nominations
    (id, round_id, post_id, category, statement, nominated_by, created_at) VALUES (${newIdSql('award_nominations')}, @roundId, @postId, @category, @statement, @by, @now)`);
  const nominationById = db.prepare(`SELECT ${NOMINATION_COLUMNS} FROM ${NOMINATION_FROM} WHERE n.id = ?`);
  const nominationOfPost = db.prepare('SELECT id FROM award_nominations WHERE round_id = ? AND post_id = ?').pluck();
  const removeNomination = db.prepare('DELETE FROM award_nominations WHERE id = ?');
  const listNominations = db.prepare(`SELECT ${NOMINATION_COLUMNS} FROM ${NOMINATION_FROM}
    WHERE n.round_id = @roundId AND (@category IS NULL OR n.category = @category)
      AND ${VISIBLE} AND (@after IS NULL OR n.id > @after)
    ORDER BY n.id LIMIT @limit`);
  const allNominations = db.prepare(`SELECT ${NOMINATION_COLUMNS} FROM ${NOMINATION_FROM}
    WHERE n.round_id = ? ORDER BY n.id`);
  const nominationsOfPost = db.prepare(`SELECT ${NOMINATION_COLUMNS} FROM ${NOMINATION_FROM}
    WHERE n.post_id = ? ORDER BY n.round_id DESC`);
  const setPrize = db.prepare('UPDATE award_nominations SET prize = ?, prize_order = ? WHERE id = ?');

  const upsertScore = db.prepare(`INSERT INTO award_scores (nomination_id, judge_id, scores, comment, scored_at)
    VALUES (@nominationId, @judgeId, @scores, @comment, @now)
    ON CONFLICT (nomination_id, judge_id) DO UPDATE SET scores = excluded.scores, comment = excluded.comment,
      scored_at = excluded.scored_at`);
  const scoreOf = db.prepare('SELECT * FROM award_scores WHERE nomination_id = ? AND judge_id = ?');
  const scoresOfRound = db.prepare(`SELECT s.* FROM award_scores s JOIN award_nominations n ON n.id = s.nomination_id
    WHERE n.round_id = ?`);
  const scoresOfJudge = db.prepare(`SELECT s.* FROM award_scores s JOIN award_nominations n ON n.id = s.nomination_id
    WHERE n.round_id = ? AND s.judge_id = ?`);

  // Badges come only from published rounds, so a prize set by mistake before publication never shows.
  const badges = db.prepare(`SELECT n.post_id AS postId, r.id AS roundId, r.title AS roundTitle, n.prize
    FROM award_nominations n JOIN award_rounds r ON r.id = n.round_id
    WHERE n.post_id IN (SELECT value FROM json_each(?)) AND n.prize IS NOT NULL AND r.phase = 'published'
    ORDER BY r.published_at DESC, r.id DESC`);
  const winners = db.prepare(`SELECT ${NOMINATION_COLUMNS}, r.title AS round_title, r.published_at
    FROM ${NOMINATION_FROM} JOIN award_rounds r ON r.id = n.round_id
      LEFT JOIN award_categories c ON c.round_id = n.round_id AND c.name = n.category
    WHERE r.phase = 'published' AND n.prize IS NOT NULL AND p.status = 'published'
      AND (@roundId IS NULL OR r.id = @roundId)
    ORDER BY r.published_at DESC, r.id DESC, c.position, n.prize_order, n.id`);

  return {
    createRound(r: NewRound, now: string): number {
      const id = Number(insertRound.run(r.title, r.createdBy, now, now).lastInsertRowid);
      r.categories.forEach((name, i) => insertCategory.run(id, i, name));
      r.criteria.forEach((c, i) => insertCriterion.run(id, i, c.key, c.label, c.weight));
      r.judgeIds.forEach((uid, i) => insertJudge.run(id, uid, i));
      return id;
    },
    roundById: (id: number) => roundById.get(id) as RoundRow | undefined,
    listRounds: (after: number | null, limit: number) => listRounds.all({ after, limit }) as RoundRow[],
    setTitle(id: number, title: string, now: string) { setTitle.run(title, now, id); },
    setCategories(id: number, names: readonly string[]) {
      clearCategories.run(id);
      names.forEach((name, i) => insertCategory.run(id, i, name));
    },
    setCriteria(id: number, list: readonly CriterionRow[]) {
      clearCriteria.run(id);
      list.forEach((c, i) => insertCriterion.run(id, i, c.key, c.label, c.weight));
    },
    setJudges(id: number, userIds: readonly number[]) {
      clearJudges.run(id);
      userIds.forEach((uid, i) => insertJudge.run(id, uid, i));
    },
    setPhase(id: number, phase: Exclude<Phase, 'published'>, now: string) { setPhase.run(phase, now, id); },
    markPublished(id: number, now: string, visibility: RoundRow['results_visibility']) { markPublished.run({ id, now, visibility }); },
    categories: (roundId: number) => categories.all(roundId) as string[],
    criteria: (roundId: number) => criteria.all(roundId) as CriterionRow[],
    judges: (roundId: number) => judges.all(roundId) as JudgeRow[],
    isJudge: (roundId: number, userId: number) => isJudge.get(roundId, userId) === 1,
    nominationCount: (roundId: number, withHidden: boolean) => nominationCount.get({ roundId, withHidden: withHidden ? 1 : 0 }) as number,
    categoryInUse: (roundId: number, category: string) => categoryInUse.get(roundId, category) === 1,

    insertNomination(n: { roundId: number; postId: number; category: string; statement: string; by: number }, now: string): number {
      return Number(insertNomination.run({ ...n, now }).lastInsertRowid);
    },
    nominationById: (id: number) => nominationById.get(id) as NominationRow | undefined,
    nominationOfPost: (roundId: number, postId: number) => nominationOfPost.get(roundId, postId) as number | undefined,
    removeNomination(id: number) { removeNomination.run(id); },
    listNominations(f: { roundId: number; category: string | null; withHidden: boolean; after: number | null; limit: number }) {
      return listNominations.all({ ...f, withHidden: f.withHidden ? 1 : 0 }) as NominationRow[];
    },
    allNominations: (roundId: number) => allNominations.all(roundId) as NominationRow[],
    nominationsOfPost: (postId: number) => nominationsOfPost.all(postId) as NominationRow[],
    setPrize(nominationId: number, prize: string | null, order: number | null) { setPrize.run(prize, order, nominationId); },

    upsertScore(s: { nominationId: number; judgeId: number; scores: Record<string, number>; comment: string }, now: string) {
      upsertScore.run({ ...s, scores: JSON.stringify(s.scores), now });
    },
    scoreOf: (nominationId: number, judgeId: number) => scoreOf.get(nominationId, judgeId) as ScoreRow | undefined,
    scoresOfRound: (roundId: number) => scoresOfRound.all(roundId) as ScoreRow[],
    scoresOfJudge: (roundId: number, judgeId: number) => scoresOfJudge.all(roundId, judgeId) as ScoreRow[],

    /** Award badges of many tips at once, newest round first. */
    badgesFor(postIds: readonly number[]): Map<number, AwardBadgeT[]> {
      const out = new Map<number, AwardBadgeT[]>();
      if (postIds.length === 0) return out;
      for (const row of badges.all(JSON.stringify(postIds)) as (AwardBadgeT & { postId: number })[]) {
        const list = out.get(row.postId) ?? [];
        list.push({ roundId: row.roundId, roundTitle: row.roundTitle, prize: row.prize });
        out.set(row.postId, list);
      }
      return out;
    },
    winners: (roundId: number | null) =>
      winners.all({ roundId }) as (NominationRow & { round_title: string; published_at: string })[],
  };
}

export type AwardStore = ReturnType<typeof createAwardStore>;
