import { Type } from '@sinclair/typebox';

/**
 * The author's estimate of minutes one use of a tip saves (a whole working day at most), on
 * POST/PATCH /api/posts. Kept apart from the impact schemas, which import post summaries.
 */
export const MinutesSavedPerUse = Type.Integer({ minimum: 0, maximum: 1440 });
