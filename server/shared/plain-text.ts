const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * A short plain-text excerpt of rendered Markdown (our renderer's HTML), for notifications:
 * no `**`, `#`, link syntax or tags — what a reader sees, cut at `max` characters.
 */
export function plainExcerpt(html: string, max = 100): string {
  const text = html
    // Block boundaries become spaces; inline tags vanish, so 「**とても**役に」 reads 「とても役に」.
    .replace(/<\/?(p|h[1-6]|li|ul|ol|pre|blockquote|table|thead|tbody|tr|td|th|div|br|hr)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
