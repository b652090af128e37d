// `zhaoshang <command>`: the operator's command line.
import './runtime-check.ts';
import { setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';

// Each command imports its own modules when it runs: `serve` starts a primary and workers, and a
// primary that imported every command (the web app among them, through the inspection command)
// loaded about 1.4 s of modules it never used.

// The niceness of bulk work (0 normal, 19 lowest). Lowest: on an idle machine it runs as fast as
// ever, and beside a busy server it takes only the CPU the server leaves.
const BACKGROUND_NICENESS = 19;
const USAGE = `Usage: zhaoshang <command> [options]

Commands:
  serve                     start the portal (same as npm start)
  migrate                   bring the database up to this version (schema migrations, and
                            the search index if the dictionary changed) and exit; run it
                            once before the instances of a new version start
  import FILE [--strict]    import articles from an RSS 2.0, Atom, NDJSON or seed-format
                            file (told apart by content); with --strict, import nothing
                            if any article is rejected
  export --format ndjson [--output FILE]
                            write every published article, newest first, one JSON object
                            per line ({"title","body","date","channel","format"}) to
                            standard output or FILE; importing it gives the same articles
  reindex                   rebuild the search index from the stored articles
  user add --role ROLE --name NAME [--channel SLUG ...]
                            create a console user (admin, editor or reviewer; editors and
                            reviewers act on the given channels); the password is asked
                            for, or read from standard input
  extract FILE --json       print the economic indicators and investment projects read
                            from each article of FILE (seed format, or plain text as one
                            article) as a JSON array
  purge --older-than 180d   remove names and contacts from contributions, applications and
                            messages closed more than that many days ago (the items and the
                            audit log stay)
  inspect [--json]          check the site as a government-site inspection would: home page
                            updated within 14 days, empty channels, messages unanswered for
                            30/60/90 days, broken links in articles, pages over 3 s; prints
                            the findings (--json: as JSON) and exits 1 on a veto item
  backup FILE [--force]     write a backup of the whole database and the attached files to
                            FILE (gzip'd JSON lines) while the site keeps serving; --force
                            replaces an existing FILE
  restore FILE              load a backup into the empty database named by DATABASE_URL,
                            SQLite or PostgreSQL whichever made it, and its files into the
                            store named by UPLOAD_DIR or UPLOAD_S3_* (either kind), checked
                            by their SHA-256, and rebuild the search index
  sweep-files               delete the stored files no attachment names, last put more than
                            24 h ago (the server does this every hour)

Configuration comes from environment variables; see README.md.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const [{ startPortal }, { createLogger }] = await Promise.all([import('./server.ts'), import('./logger.ts')]);
      await startPortal(config, createLogger(config.logLevel));
      return -1;
    }
    case 'migrate':
      if (rest.length > 0) {
        process.stderr.write(`zhaoshang migrate: takes no arguments\n\n${USAGE}`);
        return 2;
      }
      runInBackground();
      return (await import('./db/migrate.command.ts')).runMigrateCommand(config);
    case 'import': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { strict: { type: 'boolean', default: false } } });
      if (positionals.length !== 1) {
        process.stderr.write(`zhaoshang import: expected one FILE\n\n${USAGE}`);
        return 2;
      }
      runInBackground();
      return (await import('./importer/import.command.ts')).runImportCommand(config, positionals[0]!, values.strict);
    }
    case 'export':
      runInBackground();
      return (await import('./importer/export.command.ts')).runExportCommand(config, rest);
    case 'reindex':
      if (rest.length > 0) {
        process.stderr.write(`zhaoshang reindex: takes no arguments\n\n${USAGE}`);
        return 2;
      }
      runInBackground();
      return (await import('./search/reindex.command.ts')).runReindexCommand(config);
    case 'user':
      return (await import('./accounts/user.command.ts')).runUserCommand(config, rest);
    case 'extract':
      return (await import('./insights/extract.command.ts')).runExtractCommand(rest);
    case 'purge':
      return (await import('./privacy/purge.command.ts')).runPurgeCommand(config, rest);
    case 'inspect':
      return (await import('./inspection/inspection.command.ts')).runInspectCommand(config, rest);
    case 'backup':
      runInBackground();
      return (await import('./backup/backup.command.ts')).runBackupCommand(config, rest);
    case 'restore':
      runInBackground();
      return (await import('./backup/backup.command.ts')).runRestoreCommand(config, rest);
    case 'sweep-files':
      return (await import('./uploads/sweep.command.ts')).runSweepFilesCommand(config, rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`zhaoshang: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/**
 * Lowers this process's CPU priority. Bulk imports and rebuilds run beside a server that answers
 * the public; at full priority they took both cores of a small machine and page p99 went from 18 to
 * 200 ms (npm run bench:contention). Called before the segmenting thread starts, which inherits it.
 */
function runInBackground(): void {
  try {
    setPriority(BACKGROUND_NICENESS);
  } catch {
    // Not permitted on some systems; the work is the same, only less polite.
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`zhaoshang: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
