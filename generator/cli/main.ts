/** The `docs2ts` command line: commands, usage errors (exit 2) and internal errors. */
import { createRequire } from 'node:module';
import { UsageError } from '../parse/input.js';
import { GENERATOR_VERSION } from '../model/version.js';
import { DEFAULT_CACHE_DIR, DEFAULT_INPUT, DEFAULT_LOCK_WAIT_SECONDS, DEFAULT_OUTPUT, parseLockWait, parseMaxWarnings, parseWorkers } from './options.js';
import { reportError } from './errors.js';
import type { OutputFlags } from './output-flags.js';

// Required rather than imported: commander is CommonJS, and Node scans its source for export names first (10 ms on every run).
const { Command, CommanderError, InvalidArgumentError, Option } = createRequire(import.meta.url)('commander') as typeof import('commander');

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode = 0;
  // The check command's module loads every rule (a fifth of a second): only when this command line may run check or show help.
  const checkCommand = argv.some((arg) => ['check', 'help', '--help', '-h'].includes(arg)) ? await import('./check-command.js') : undefined;
  const program = new Command('docs2ts')
    .description('Microsoft Graph reference docs → intermediate model, TypeScript, conformance report')
    .version(GENERATOR_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  /** A parser whose errors commander reports as usage errors. */
  const parsing = (parse: (value: string) => number) => (value: string) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
  const workers = () => new Option('--workers <n>', 'worker threads for parsing (default: available cores)').argParser(parsing(parseWorkers));
  /** The input and output folders: a flag, else the config's `input` and `output` (`config.ts`), else the defaults. */
  const configured = async <T extends { input?: string; out?: string; config?: string } & OutputFlags>(options: T, defaultOut: string) => {
    const { loadConfig } = await import('./config.js');
    const { outputOptions } = await import('./output-flags.js');
    const config = await loadConfig(process.cwd(), options.config);
    return {
      ...options,
      input: options.input ?? config.input ?? DEFAULT_INPUT,
      out: options.out ?? (defaultOut === '-' ? '-' : (config.output ?? defaultOut)),
      output: outputOptions(config, options),
    };
  };
  /** The slice and what is emitted (`output-flags.ts`): flags win over the config's keys of the same names. */
  const outputFlags = (command: InstanceType<typeof Command>) =>
    command
      .option('--include <pattern...>', 'generate only operations with a path matching one of these (config "include"): /users/{id}/messages/** /me/sendMail#POST')
      .option('--exclude <pattern...>', 'leave out operations with a path matching one of these (config "exclude")')
      .option('--versions <version...>', 'API versions to generate (config "versions"; default: all)')
      .option('--emit <kind...>', 'outputs to emit: models, validators, client (config "emit"; default: all)')
      .addOption(new Option('--open-types <policy>', 'open types: closed (no index signature) or index-signature (config "openTypes")').choices(['closed', 'index-signature']));
  const configFlag = () => new Option('--config <file>', 'config file (default: docs2ts.config.json, else the "docs2ts" key of package.json)');

  outputFlags(program
    .command('model'))
    .description('write the linked intermediate model as JSON')
    .option('-i, --input <dir>', `docs root (<version>/api, <version>/resources; default: config "input", else ${DEFAULT_INPUT})`)
    .option('-o, --out <file>', 'output file, or - for stdout (default: -)')
    .option('--compact', 'write JSON without indentation')
    .option('-q, --quiet', 'no summary on stderr')
    .option('--debug', 'show stack traces for internal errors')
    .addOption(configFlag())
    .addOption(workers())
    .option('--cache <dir>', 'cache folder for page facts', DEFAULT_CACHE_DIR)
    .option('--no-cache', 'read every page again and keep no cache')
    .action(async (options) => {
      // Commands are loaded on use, so a run that finds nothing to do loads no parser or printer.
      const { runModel } = await import('./model-command.js');
      exitCode = await runModel(await configured(options, '-'));
    });

  outputFlags(program
    .command('generate'))
    .description('write TypeScript interfaces, enums, validators and client functions per API version')
    .option('-i, --input <dir>', `docs root (<version>/api, <version>/resources; default: config "input", else ${DEFAULT_INPUT})`)
    .option('-o, --out <dir>', `output folder: new, empty or docs2ts's own (default: config "output", else ${DEFAULT_OUTPUT})`)
    .option('--force', 'write into a folder holding files docs2ts did not write (they are kept, never replaced)')
    .option('--lock-wait <seconds>', `how long to wait for another run on the same output or cache (default: ${DEFAULT_LOCK_WAIT_SECONDS})`, parsing(parseLockWait))
    .option('--check', 'write nothing; exit 1 and name the stale files when the output folder differs')
    .option('--watch', 'regenerate on every change under the input until Ctrl-C')
    .option('--cache <dir>', 'cache folder (page facts, last run) so unchanged pages are not read again', DEFAULT_CACHE_DIR)
    .option('--no-cache', 'redo everything and keep no cache')
    .option('-q, --quiet', 'no summary on stderr')
    .option('--debug', 'show stack traces for internal errors')
    .addOption(configFlag())
    .addOption(workers())
    .action(async (options) => {
      if (options.check && options.watch) throw new UsageError('--check and --watch do not go together: use one');
      const { runGenerate } = await import('./generate-command.js');
      exitCode = await runGenerate(await configured(options, DEFAULT_OUTPUT));
    });

  program
    .command('check')
    .description('check the docs against the conformance rules (exit 1 on errors, 2 on usage or internal errors)')
    .option('-i, --input <dir>', 'docs root (default: config "input", else docs-input)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'github', 'html']).default('text'))
    .option('--baseline [file]', 'fail only on findings not in this baseline (default file: docs2ts-baseline.json)')
    .option('--update-baseline', 'write today\'s findings to the baseline file and exit 0')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parsing(parseMaxWarnings))
    .option('--rule <id=level...>', 'set a rule to off, warn or error (repeatable)')
    .option('--changed-since <revision>', 'only findings on lines changed since this git revision (new files whole), for a PR check')
    .option('--metadata <[version=]file...>', "compare the docs with the service's CSDL ($metadata XML) for an API version (repeatable)")
    .option('--link-root <dir>', 'check links leaving the input against this folder (default: config "linkRoot", else not checked)')
    .option('-q, --quiet', 'no summary on stderr')
    .option('--debug', 'show stack traces for internal errors')
    .addOption(configFlag())
    .addOption(workers())
    .option('--cache <dir>', 'cache folder for page facts (shared with generate and model)', DEFAULT_CACHE_DIR)
    .option('--no-cache', 'read every page again and keep no cache')
    .addHelpText('after', checkCommand?.ruleHelp() ?? '')
    .action(async (options) => {
      const { runCheck } = checkCommand ?? (await import('./check-command.js'));
      exitCode = await runCheck(options);
    });

  program
    .command('diff')
    .description('the API changes between two versions of the docs, and which break code built on the output (exit 1 with --fail-on)')
    .requiredOption('--base <folder|revision|last-run>', 'the old docs: a folder, a git revision of the repository holding --input, or last-run (the model the last generate left in the cache)')
    .option('--head <folder|revision>', 'the new docs (default: --input as it is now)')
    .option('-i, --input <dir>', `docs root (<version>/api, <version>/resources; default: config "input", else ${DEFAULT_INPUT})`)
    .option('-o, --out <dir>', `with --base last-run: the output folder that generate run wrote (default: config "output", else ${DEFAULT_OUTPUT})`)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json', 'github']).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when a change of this level is found').choices(['breaking', 'any']))
    .option('-q, --quiet', 'no summary on stderr')
    .option('--debug', 'show stack traces for internal errors')
    .addOption(configFlag())
    .addOption(workers())
    .option('--cache <dir>', 'cache folder for page facts (shared with generate and model)', DEFAULT_CACHE_DIR)
    .option('--no-cache', 'keep no cache (both sides still share a temporary one)')
    .action(async (options) => {
      const { runDiff } = await import('./diff-command.js');
      exitCode = await runDiff(await configured(options, DEFAULT_OUTPUT));
    });

  try {
    workingFolder();
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    // Usage and file-system errors: one line naming the path and the fix; others: internal error, stack under --debug.
    const report = reportError(error, debug);
    process.stderr.write(report.text);
    return report.exitCode;
  }
}

/** Every relative path is taken from the working folder: one that was deleted under the shell is a usage error. */
function workingFolder(): void {
  try {
    process.cwd();
  } catch {
    throw new UsageError('the working folder no longer exists: cd to a folder that does and run again');
  }
}
