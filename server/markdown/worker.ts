/**
 * Markdown rendering in a worker thread (pool.ts): markdown-it and linkify are synchronous, and a
 * large hostile body (64 KB of `a@b.com`, long runs of `*`, deep nesting) takes a few hundred
 * milliseconds, during which a main-thread render would hold up every other request. Here it
 * holds up only this thread, and a render that never ends is stopped by terminating the thread.
 * It renders with the same module as the main thread, so the HTML is the same byte for byte.
 * A tip's body also gets its search index text here (search/body-index.ts), as the main thread
 * would compute it. Loaded (markdown-it, highlight.js) before it says `ready`: renders are timed
 * from their start.
 */
import { indexedBody } from '../search/body-index';
import { serveTasks } from '../workers/serve';
import { renderMarkdown } from './render';

/** A render, or (a separate task, so the render's time limit means what it did) a tip body's index text. */
export type RenderTask = { source: string } | { indexOf: string };

serveTasks<RenderTask, string>((t) => ('source' in t ? renderMarkdown(t.source) : indexedBody(t.indexOf)));
