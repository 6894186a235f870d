import type { Shell } from './args.js';
import { COMMAND_SPECS, findCommand, flagsOf, GLOBAL_FLAGS, GROUPS, VERSION_FLAG, type FlagSpec } from './spec.js';

/** The words that may follow a group: its commands' and its sub-groups' next word (`aks` → abort, …, nodepool, command). */
function childWords(group: string): string[] {
  return [...new Set(COMMAND_SPECS.filter((c) => c.name.startsWith(`${group} `)).map((c) => c.name.slice(group.length + 1).split(' ')[0]!))];
}

/**
 * Shell completion scripts, written from the command table (spec.ts), so they know every command
 * and flag the parser knows. Static: a Tab costs no Node start.
 */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return `${bashFunction()}complete -o default -F _azlro azlro\n`;
    case 'zsh':
      // As az does: zsh runs the bash function through bashcompinit (which needs compinit first).
      return '# azlro completion for zsh: add  eval "$(azlro completion zsh)"  to ~/.zshrc\n' +
        '(( $+functions[compdef] )) || { autoload -U +X compinit && compinit; }\n' +
        `autoload -U +X bashcompinit && bashcompinit\n${bashFunction()}complete -o default -F _azlro azlro\n`;
    case 'fish':
      return fishScript();
  }
}

const flagWords = (flags: readonly FlagSpec[]) => flags.flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
const takesValue = [...new Set(COMMAND_SPECS.flatMap(flagsOf).filter((f) => !f.boolean).flatMap((f) => flagWords([f])))];
/** Only plain words (letters, digits, `-`, `,`, `|`) go into the scripts: nothing needs quoting. */
const words = (list: readonly string[]) => {
  for (const word of list) if (!/^[\w|,.-]+$/.test(word)) throw new Error(`completion: ${word} is not a plain word`);
  return list.join(' ');
};

function bashFunction(): string {
  const valueFlags = words(takesValue).replaceAll(' ', '|');
  const top = [...GROUPS.filter((g) => !g.name.includes(' ')).map((g) => g.name), ...COMMAND_SPECS.filter((c) => !c.name.includes(' ')).map((c) => c.name), 'help'];
  const cases = [
    `    "") candidates=${JSON.stringify(words([...top, ...flagWords([...GLOBAL_FLAGS, VERSION_FLAG])]))} ;;`,
    ...GROUPS.map((g) => `    ${JSON.stringify(g.name)}) candidates=${JSON.stringify(words([...childWords(g.name), '--help']))} ;;`),
    ...COMMAND_SPECS.map((c) => {
      const extra = c.name === 'completion' ? ['bash', 'zsh', 'fish'] : [];
      return `    ${JSON.stringify(c.name)}) candidates=${JSON.stringify(words([...extra, ...flagWords(flagsOf(c))]))} ;;`;
    }),
  ];
  const choices = COMMAND_SPECS.flatMap(flagsOf)
    .filter((f, i, all) => f.choices && all.findIndex((g) => g.name === f.name) === i)
    .map((f) => `    ${flagWords([f]).join('|')}) COMPREPLY=($(compgen -W ${JSON.stringify(words(f.choices!))} -- "$cur")); return ;;`);
  return `# azlro completion for bash: source <(azlro completion bash), or save it in ~/.local/share/bash-completion/completions/azlro
_azlro() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local command="" word i skip=0 candidates
  # The command words typed so far: not flags, nor the values of flags that take one.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      ${valueFlags}) skip=1; continue ;;
      -*) continue ;;
    esac
    case "$command" in
      "") [[ "$word" == help ]] || command="$word" ;; # azlro help aks abort: as azlro aks abort
      ${GROUPS.map((g) => JSON.stringify(g.name)).join('|')}) command="$command $word" ;;
    esac
  done
  case "$prev" in
${choices.join('\n')}
    ${valueFlags}) COMPREPLY=(); return ;;
  esac
  case "$command" in
${cases.join('\n')}
    *) candidates="" ;;
  esac
  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}
`;
}

function fishScript(): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const leaves = COMMAND_SPECS.map((c) => c.name.split(' ').at(-1)!);
  const lines = [
    '# azlro completion for fish: azlro completion fish > ~/.config/fish/completions/azlro.fish',
    'complete -c azlro -f',
    ...[...GROUPS, ...COMMAND_SPECS].filter((g) => !g.name.includes(' ')).map(
      (g) => `complete -c azlro -n __fish_use_subcommand -a ${g.name} -d ${quote('summary' in g ? g.summary : '')}`,
    ),
    ...GROUPS.flatMap((g) => {
      const last = g.name.split(' ').at(-1)!;
      const stop = [...new Set([...leaves, ...GROUPS.filter((h) => h.name.startsWith(`${g.name} `)).map((h) => h.name.split(' ').at(-1)!)])];
      return childWords(g.name).map((word) => {
        const summary = findCommand(`${g.name} ${word}`)?.summary ?? GROUPS.find((h) => h.name === `${g.name} ${word}`)?.summary ?? '';
        return `complete -c azlro -n ${quote(`__fish_seen_subcommand_from ${last}; and not __fish_seen_subcommand_from ${stop.join(' ')}`)} -a ${word} -d ${quote(summary)}`;
      });
    }),
    "complete -c azlro -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'",
    ...[...GLOBAL_FLAGS, VERSION_FLAG].map((f) => `complete -c azlro ${fishFlag(f, quote)}`),
    ...COMMAND_SPECS.flatMap((c) =>
      c.flags.map((f) => `complete -c azlro -n ${quote(`__fish_seen_subcommand_from ${c.name.split(' ').at(-1)}`)} ${fishFlag(f, quote)}`),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function fishFlag(flag: FlagSpec, quote: (text: string) => string): string {
  const parts = [`-l ${flag.name}`];
  if (flag.short) parts.push(`-s ${flag.short}`);
  if (flag.choices) parts.push(`-x -a ${quote(flag.choices.join(' '))}`);
  else if (!flag.boolean) parts.push('-r');
  parts.push(`-d ${quote(flag.description)}`);
  return parts.join(' ');
}
