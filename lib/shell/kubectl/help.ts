/**
 * The `-h` fallback for a command path that has no text of its own in help-texts.ts. Every
 * simulated verb has one; what is left is a `kubectl config SUBCOMMAND -h` for a config
 * subcommand we do not simulate, where this shows the config command's help (the nearest
 * parent kubectl knows here), and any verb added later before its text is written.
 */
import { configHelp } from './config-verb';
import type { VerbSpec } from './context';
import { fullHelp } from './help-texts';

export function verbHelp(spec: VerbSpec): string {
  if (spec.name === 'config') return configHelp();
  return fullHelp(spec.name, []) ?? [`${spec.short}.`, '', 'Usage:', `  ${spec.usage}`, '',
    'Use "kubectl options" for a list of global command-line options (applies to all commands).', ''].join('\n');
}
