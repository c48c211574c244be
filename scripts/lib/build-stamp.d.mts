export declare const BUILD_INPUTS: string[];
export declare const SERVER_ENTRY: string;
export declare const STAMP: string;
export declare function sourceDigest(root: string): { digest: string; files: number };
export declare function hasSources(root: string): boolean;
export declare function buildProblem(root: string): { kind: 'missing' | 'stale'; message: string } | null;
export declare function writeStamp(root: string, extra?: Record<string, unknown>): { digest: string; files: number; builtAt: string; node: string };
