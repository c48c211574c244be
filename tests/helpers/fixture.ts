import { afterEach, beforeEach } from 'vitest';
import { createTestApp, type TestApp, type TestAppOptions, type TestUser } from './app';

/** Where a clocked app's clock stands at the start of every test. */
export const CLOCK_START = '2025-04-01T00:00:00Z';

export type UserOptions = NonNullable<Parameters<TestApp['user']>[1]>;

export interface FixtureOptions<U extends Record<string, UserOptions>> {
  /** Members created (in this order) before every test, e.g. `{ alice: {}, mod: { role: 'moderator' } }`. */
  users?: U;
  env?: TestAppOptions['env'];
}

export interface AppFixture<U> {
  /** The running test's app. */
  t: TestApp;
  /** The running test's members, by name. */
  users: { [K in keyof U]: TestUser };
}

export interface ClockedAppFixture<U> extends AppFixture<U> {
  /** The app's clock: {@link CLOCK_START} at the start of every test, moving only by `later`. */
  now(): Date;
  /** Moves the app's clock forward (one minute unless told). */
  later(minutes?: number): void;
}

/**
 * Registers a `beforeEach` that builds a fresh app with the given members and an `afterEach` that closes it.
 * Call it at the top of a test file and destructure once: `const { t, users: { alice, bob } } = useTestApp(...)`.
 * The handles it returns stay the same objects for the whole file, while what they point at is rebuilt
 * for every test, so they read like the `let` variables a `beforeEach` would assign and are usable only
 * inside tests and hooks. Hooks a file registers after this call run after it (Vitest's `stack` order).
 */
export function useTestApp<U extends Record<string, UserOptions> = Record<never, UserOptions>>(opts: FixtureOptions<U> = {}): AppFixture<U> {
  return setUp(opts, undefined);
}

/** {@link useTestApp} on an app whose clock stands still at {@link CLOCK_START} until a test moves it with `later`. */
export function useClockedApp<U extends Record<string, UserOptions> = Record<never, UserOptions>>(opts: FixtureOptions<U> = {}): ClockedAppFixture<U> {
  const clock = { now: new Date(CLOCK_START) };
  return {
    ...setUp(opts, clock),
    now: () => clock.now,
    later(minutes = 1) { clock.now = new Date(clock.now.getTime() + minutes * 60_000); },
  };
}

function setUp<U extends Record<string, UserOptions>>(opts: FixtureOptions<U>, clock: { now: Date } | undefined): AppFixture<U> {
  let current: TestApp | undefined;
  const app = (): TestApp => {
    if (!current) throw new Error('the test app exists only while a test runs');
    return current;
  };
  const t: TestApp = {
    get app() { return app().app; },
    get db() { return app().db; },
    get admin() { return app().admin; },
    user: (username, o) => app().user(username, o),
    as: (user, o) => app().as(user, o),
    close: () => app().close(),
  };
  const specs = Object.entries(opts.users ?? {}) as [keyof U & string, UserOptions][];
  const users = Object.fromEntries(specs.map(([name]) => [name, { id: 0, username: name, cookie: '' }])) as { [K in keyof U]: TestUser };

  beforeEach(async () => {
    if (clock) clock.now = new Date(CLOCK_START);
    current = await createTestApp({ env: opts.env, now: clock && (() => clock.now) });
    for (const [name, o] of specs) Object.assign(users[name], await current.user(name, o));
  });
  afterEach(async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  return { t, users };
}
