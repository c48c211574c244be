// The flags `npm start` gives node for the server (package.json "start"; the benches that measure
// the server as production runs it start it with these too, and a test checks package.json has them).
// Plain JavaScript on purpose: scripts/start.mjs's neighbours run before anything is built.
//
// --max-semi-space-size=8: the main thread's young generation at 8 MB per semi-space, as the search
// threads' (server/search/pool.ts). On Node 26 (V8 14) the default let the server's rss reach 484–502
// MB once it answered, with the 100,000-tip bench database and two search threads, and 321 MB with
// the flag (after 36 searches 495–514 against 336–339 MB); on Node 20 it changes nothing (321–329
// against 324–327 MB). docs/search.md, Serving: memory.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'];
