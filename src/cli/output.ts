/**
 * Where the CLI's words go. Commands receive this instead of touching process.stdout,
 * so tests can capture output and the commands stay easy to follow.
 */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
