import { execFileSync } from 'node:child_process';

/** Browser tests run against the built web app; build it once per run, as production builds it. */
export default function setup(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
