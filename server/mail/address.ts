/**
 * Characters no mail address holds, which the address patterns (`[^\s@<>…]`) let through: C0 and
 * C1 controls (NUL, ESC, NEL), format characters (zero-width space, bidi controls that show the
 * address reversed), lone surrogates and spaces of any kind. An address holding one is never
 * delivered as shown; it is refused where an address is given (mail settings, an invitation).
 */
export const NOT_IN_MAIL_ADDRESS = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}]/u;
