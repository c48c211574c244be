// Japan time lives in server/shared/japan-time.ts; this path stays for existing imports.
export * from '../shared/japan-time';
