/**
 * The one message catalogue: Japanese first, English second. Each domain keeps its messages in
 * messages/<domain>.ts (`ja` and an `en` with the same keys); register a new domain in CATALOGUES.
 */
import * as account from './messages/account';
import * as authoring from './messages/authoring';
import * as awards from './messages/awards';
import * as common from './messages/common';
import * as errors from './messages/errors';
import * as fields from './messages/fields';
import * as impact from './messages/impact';
import * as moderation from './messages/moderation';
import * as posts from './messages/posts';
import * as reading from './messages/reading';
import * as popularity from './messages/popularity';
import * as search from './messages/search';
import * as shell from './messages/shell';
import * as social from './messages/social';

const CATALOGUES = [common, account, posts, moderation, awards, impact, authoring, search, popularity, reading, shell, social, errors, fields] as const;

type Catalogue = (typeof CATALOGUES)[number];
export type MessageKey = Catalogue extends infer C ? (C extends { ja: infer J } ? keyof J & string : never) : never;
export type Locale = 'ja' | 'en';

const merged: Record<Locale, Record<string, string>> = { ja: {}, en: {} };
for (const c of CATALOGUES) {
  Object.assign(merged.ja, c.ja);
  Object.assign(merged.en, c.en);
}

export const LOCALE_EVENT = 'kotsu-locale-change';
const STORAGE_KEY = 'kotsu.locale';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

let current: Locale = initialLocale();

export const locale = (): Locale => current;

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* private mode: this page only */ }
  document.documentElement.lang = next;
  window.dispatchEvent(new CustomEvent(LOCALE_EVENT, { detail: next }));
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** `{n, plural, one {# comment} other {# comments}}`: the form Intl.PluralRules picks, `#` = the number. */
const PLURAL = /\{(\w+), plural,((?:\s*\w+ \{[^{}]*\})+)\s*\}/g;

function plural(text: string, params: Record<string, string | number>): string {
  return text.replace(PLURAL, (m, name: string, forms: string) => {
    if (!(name in params)) return m;
    const n = Number(String(params[name]).replace(/[,\s]/g, ''));
    let rules = pluralRules.get(current);
    if (!rules) pluralRules.set(current, (rules = new Intl.PluralRules(current === 'ja' ? 'ja-JP' : 'en-GB')));
    const options = new Map([...forms.matchAll(/(\w+) \{([^{}]*)\}/g)].map((f) => [f[1], f[2]] as const));
    const form = options.get(`=${n}`) ?? options.get(rules.select(n)) ?? options.get('other') ?? '';
    return form.replace(/#/g, String(params[name]));
  });
}

/** Whether the catalogue has `key` (for keys built at run time, such as `reason.<api reason>`). */
export const hasMessage = (key: string): key is MessageKey => key in merged.ja;

/** The message for `key` in the current language, with `{name}` placeholders and plural forms filled. */
export function msg(key: MessageKey, params?: Record<string, string | number>): string {
  const text = merged[current][key] ?? merged.ja[key] ?? key;
  if (!params) return text;
  return plural(text, params).replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date (and optionally time) in Japan time, in the current language. */
export function formatDate(iso: string, withTime = false): string {
  const key = `${current}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: 'Asia/Tokyo', year: 'numeric', month: 'short', day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    dateFormats.set(key, f);
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : f.format(d);
}

export function formatNumber(n: number): string {
  return n.toLocaleString(current === 'ja' ? 'ja-JP' : 'en-GB');
}
