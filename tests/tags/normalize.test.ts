import { describe, expect, it } from 'vitest';
import { cleanTags, normalizeTag } from '../../server/tags/normalize';

describe('normalizeTag', () => {
  it('folds width and case', () => {
    expect(new Set(['Excel', 'excel', 'ＥＸＣＥＬ', ' EXCEL '].map(normalizeTag))).toEqual(new Set(['excel']));
    expect(normalizeTag('ｴｸｾﾙ')).toBe('エクセル');
    expect(normalizeTag('Power　Automate')).toBe('power automate');
  });
  it('keeps distinct words distinct', () => {
    expect(normalizeTag('VBA')).not.toBe(normalizeTag('VB'));
  });
});

describe('cleanTags', () => {
  it('keeps the first spelling and drops later variants', () => {
    expect(cleanTags(['Excel', 'ＥＸＣＥＬ', 'excel', '関数'])).toEqual({ tags: ['Excel', '関数'] });
  });
  it('refuses blank, too long, control characters and more than ten', () => {
    expect(cleanTags(['  '])).toHaveProperty('problem');
    expect(cleanTags(['あ'.repeat(41)])).toHaveProperty('problem');
    expect(cleanTags(['a\u0000b'])).toHaveProperty('problem');
    expect(cleanTags(Array.from({ length: 11 }, (_, i) => `t${i}`))).toHaveProperty('problem');
    expect(cleanTags(Array.from({ length: 10 }, (_, i) => `t${i}`))).toHaveProperty('tags');
  });
});
