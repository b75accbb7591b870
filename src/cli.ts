import { Command, Option } from 'commander';
import { readConfig } from './config.js';
import { createLogger, openApp, type App } from './compose.js';
import type { IndexAtStart } from './ingest/index-sync.js';
import { doctorCommand } from './cli/doctor.js';
import { ARTICLE_EXTENSIONS, extractCommand, ingestCommand } from './cli/ingest.js';
import {
  checkCommand,
  loadCommand,
  reindexCommand,
  retractCommand,
  searchCommand,
  serveCommand,
  statsCommand,
  tokenCommand,
} from './cli/commands.js';
import { report } from './cli/report.js';
import { exportCommand } from './cli/export.js';
import { FORMATS } from './export/index.js';

/** Runs a command with the app open, and turns known failures into one clear line and an exit code. */
function withApp<A extends unknown[]>(run: (app: App, ...args: A) => Promise<void>, index: IndexAtStart = 'repair') {
  return async (...args: A) => {
    let app: App | undefined;
    try {
      const config = readConfig();
      app = await openApp(config, createLogger(config), index);
      await run(app, ...args);
    } catch (error) {
      process.exitCode = report(error);
    } finally {
      await app?.close();
    }
  };
}

const program = new Command('tupu')
  .description('图谱 — a knowledge graph and search service for Chinese news')
  .showHelpAfterError();

program
  .command('serve')
  .description('serve the GraphQL API (loads seeds/ into an empty store first; rebuilds a search index behind the graph)')
  .action(withApp(serveCommand, 'rebuild'));

program
  .command('load')
  .description('validate and load facts files (default: seeds/); one bad file loads nothing')
  .argument('[paths...]', 'facts files or directories of *.facts.json')
  .action(withApp(loadCommand));

program.command('reindex').description('rebuild the search index from the graph').action(withApp(reindexCommand, 'leave'));

program
  .command('check')
  .description('compare the search index with the graph; exit 1 listing missing, stale or stray documents')
  .action(withApp(checkCommand, 'leave'));

program
  .command('doctor')
  .description('verify every record of the embedded store in TUPU_DATA; with --salvage DIR, copy the valid ones into a new data directory')
  .option('--salvage <directory>', 'a new, empty data directory to copy the valid records into')
  .action(async (options: { salvage?: string }) => {
    try {
      process.exitCode = await doctorCommand(readConfig(), options);
    } catch (error) {
      process.exitCode = report(error);
    }
  });

program
  .command('extract')
  .description('extract the facts of one article (UTF-8, GBK or HTML) and print them as JSON on stdout')
  .argument('<file>')
  .action(async (file: string) => {
    try {
      await extractCommand(file);
    } catch (error) {
      process.exitCode = report(error);
    }
  });

program
  .command('ingest')
  .description('extract, resolve, load and index articles, each one all or nothing, in the order given')
  .argument('<paths...>', `article files, or directories of them (${ARTICLE_EXTENSIONS.join(', ')}, in name order)`)
  .addOption(new Option('-j, --jobs <n>', 'threads extracting articles at once (default: the machine\'s cores)').env('TUPU_JOBS'))
  .action(withApp(ingestCommand));

program
  .command('retract')
  .description("take a document back out: its facts leave the graph and the index, what another document supports stays")
  .argument('<document-id>')
  .action(withApp(retractCommand));

program
  .command('token')
  .description('make a bearer token: prints the token (give it to its holder) and the TUPU_TOKENS entry (its hash)')
  .argument('<name>', 'who holds it; writes are logged with this name')
  .option('-s, --scope <scope>', 'write (ingest, retract; implies read) or read', 'write')
  .action((name: string, options: { scope: string }) => {
    try {
      tokenCommand(name, options);
    } catch (error) {
      process.exitCode = report(error);
    }
  });

program.command('stats').description('print node and relationship counts as JSON').action(withApp(statsCommand, 'leave'));

program
  .command('search')
  .description('search names, aliases, pinyin and organizations')
  .argument('<query>')
  .option('-t, --type <type...>', 'only these entity types (PERSON, ORGANIZATION, …)')
  .option('-n, --first <n>', 'how many hits', '10')
  .option('--json', 'print the results as JSON')
  .action(withApp(searchCommand));

program
  .command('export')
  .description('export the graph for Gephi, NetworkX, neo4j-admin import or FollowTheMoney tools')
  .requiredOption('-f, --format <format>', `one of ${Object.keys(FORMATS).join(', ')} (csv is a zip of nodes.csv and relationships.csv)`)
  .option('--around <id>', 'only the neighbourhood of this entity')
  .option('--hops <n>', 'how far around it (1 to 3)')
  .option('-o, --out <file>', 'write to this file instead of stdout')
  .action(withApp(exportCommand));

await program.parseAsync();
