import { describe, expect, it } from 'vitest';
import { auditDetailLines } from '../../web/src/shared/audit-detail';

/**
 * The audit page shows a code by its word only where the field holds a code in that action. By
 * field name alone, a tag named "hidden" merged showed as 非表示, a hide reason a moderator typed as
 * "spam" showed as スパム・宣伝, a round's publication (phase "published") read 公開 (a tip's state),
 * and the visibility chosen at publication stayed in English ("ranking").
 */
describe('audit detail words', () => {
  it('translates codes where the action records codes', () => {
    expect(auditDetailLines('award.publish', { from: 'closed', to: 'published', visibility: 'ranking' }))
      .toEqual(['元: 審査終了', '先: 結果発表済み', '公開範囲: 全順位と点数']);
    expect(auditDetailLines('report.resolve', { resolution: 'hide', reason: 'spam', before: { status: 'published' }, after: { status: 'hidden' } }))
      .toEqual(['対応: 非表示にした', '理由: スパム・宣伝', '変更前: （状態 公開）', '変更後: （状態 非表示）']);
  });

  it('shows what people typed as they typed it: tag names, hide reasons', () => {
    expect(auditDetailLines('tag.merge', { from: ['hidden', 'admin'], into: 'draft' })).toEqual(['元: hidden、admin', expect.stringContaining('draft')]);
    expect(auditDetailLines('post.hide', { title: 'A', reason: 'spam', before: { status: 'published' }, after: { status: 'hidden' } }))
      .toContain('理由: spam');
    expect(auditDetailLines('comment.hide', { reason: 'other' })).toEqual(['理由: other']);
  });
});
