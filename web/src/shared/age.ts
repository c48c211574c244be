import { locale, msg, type MessageKey } from '../i18n/catalogue';

const DAY_MS = 86_400_000;

/** One part of an age in the current language (the catalogue's plural forms). */
const part = (key: MessageKey, n: number): string => msg(key, { n });

/** How long ago `iso` was, in whole calendar months and years ("1年3か月", "1 year 3 months"); under a month, in days. */
export function formatAge(iso: string, now = new Date()): string {
  const from = new Date(iso);
  let months = (now.getFullYear() - from.getFullYear()) * 12 + now.getMonth() - from.getMonth();
  if (now.getDate() < from.getDate()) months -= 1;
  if (months < 1) return part('fresh.ageDays', Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY_MS)));
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [years ? part('fresh.ageYears', years) : '', rest ? part('fresh.ageMonths', rest) : ''].filter(Boolean);
  return parts.join(locale() === 'en' ? ' ' : '');
}
