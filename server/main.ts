import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { ConfigError, loadConfig, loadEnvFile, unknownVariables } from './config';
import { MigrationError } from './db/migrate';
import { redactToken } from './feeds/tokens';
import { listenUrl } from './listen-url';

async function main(): Promise<void> {
  // `.env` in the working folder, if any, under the variables already set (README, Configuration).
  loadEnvFile();
  const config = loadConfig();
  const app = await buildApp({
    config,
    logger: {
      level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'body.password'],
      // Feed URLs carry a personal token: it never reaches the logs.
      serializers: { req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({ method: req.method, url: redactToken(req.url), hostname: req.hostname, remoteAddress: req.ip }) },
    },
  });
  // Stop accepting, let running requests finish, then close the database (onClose).
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  for (const name of unknownVariables(process.env)) app.log.warn(`${name} is not a Kotsu setting (misspelt?); it is ignored`);
  await app.listen({ port: config.port, host: config.host });
  // Without KOTSU_PUBLIC_URL, absolute links (feeds, CSV, notifications) use the address we listen on.
  if (!config.publicUrlSet) config.publicUrl = listenUrl(app.server.address());
  process.stdout.write(`kotsu: open ${config.publicUrl.href} in a browser`
    + (config.publicUrlSet ? '\n' : ' (set KOTSU_PUBLIC_URL to the address staff use)\n'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof MigrationError) {
    process.stderr.write(`kotsu: ${err.message}\n`);
  } else {
    process.stderr.write(`kotsu: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  }
  process.exit(1);
});
