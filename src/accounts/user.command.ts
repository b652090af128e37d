// `zhaoshang user add --role ROLE[,ROLE…] --name NAME [--channel SLUG …]`: creates a console user
// holding one or several roles (`--role editor,reviewer`, or `--role` repeated). The
// password is read from a prompt without echo, or from standard input when that is not a terminal
// (never from an argument, where it would land in shell history and process lists).
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { ChannelCatalog } from '../channels/channel-catalog.ts';
import { readChannelFile } from '../channels/channel.ts';
import type { Config } from '../config.ts';
import { openMigratedDb } from '../prepare.ts';
import { parseRoles } from './account.ts';
import { createUser } from './account.service.ts';
import { passwordPolicy } from './password-policy.ts';

/** Reads one line from a terminal without showing it, or the first line of piped input. */
async function readPassword(input: NodeJS.ReadStream, output: NodeJS.WritableStream, prompt: string): Promise<string> {
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  output.write(prompt);
  input.setRawMode(true);
  input.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          output.write('\n');
          return resolve(typed);
        }
        if (char === '\u0003') return reject(new Error('cancelled'));
        typed = char === '\u007f' ? Array.from(typed).slice(0, -1).join('') : typed + char;
      }
    };
    input.on('data', onData);
  });
}

/** Runs `user add`; returns the process exit code. */
export async function runUserCommand(
  config: Config,
  args: string[],
  io: { input: NodeJS.ReadStream; output: NodeJS.WritableStream; errors: NodeJS.WritableStream } = {
    input: process.stdin,
    output: process.stdout,
    errors: process.stderr,
  },
): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'add') {
    io.errors.write('Usage: zhaoshang user add --role admin|editor|reviewer[,...] --name NAME [--channel SLUG ...]\n');
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { role: { type: 'string', multiple: true }, name: { type: 'string' }, channel: { type: 'string', multiple: true } },
  });
  const roles = parseRoles(values.role ?? []);
  if (!roles || !values.name) {
    io.errors.write('zhaoshang user add: --role (admin, editor or reviewer; several separated by commas) and --name are required\n');
    return 2;
  }
  const channels = new ChannelCatalog(readChannelFile());
  const unknown = (values.channel ?? []).filter((slug) => !channels.bySlug(slug));
  if (unknown.length > 0) {
    io.errors.write(`zhaoshang user add: unknown channel(s): ${unknown.join(', ')}\n`);
    return 2;
  }
  const password = await readPassword(io.input, io.output, 'Password: ');
  if (io.input.isTTY && (await readPassword(io.input, io.output, 'Repeat password: ')) !== password) {
    io.errors.write('zhaoshang user add: the passwords differ\n');
    return 1;
  }
  const opened = await openMigratedDb(config);
  try {
    const result = await createUser(
      opened.db,
      COMMAND_LINE,
      { name: values.name, roles, password, channels: values.channel ?? [] },
      passwordPolicy(config.passwordPolicy),
    );
    if ('problem' in result) {
      io.errors.write(`zhaoshang user add: ${result.problem}\n`);
      return 1;
    }
    io.output.write(`created ${roles.join(', ')} "${values.name}" (id ${result.id})\n`);
    return 0;
  } finally {
    await opened.close();
  }
}
