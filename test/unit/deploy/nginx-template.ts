/** The template without its comment lines (they mention `${UPPER_CASE}` names as prose). */
export function templateDirectives(template: string): string {
  return template
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

/** The variables the template's directives use, as the nginx image's envsubst sees them. */
export function templateVariables(template: string): string[] {
  return [
    ...new Set([...templateDirectives(template).matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map(([, n]) => n ?? '')),
  ];
}

/** What envsubst does with the variables given: `${NAME}` replaced, nginx's `$name` left alone. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The body of each `location … { … }` block of a config, keyed by what follows `location`. */
export function locationBlocks(config: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of config.matchAll(/location\s+([^{]+?)\s*\{/g)) {
    let depth = 1;
    let end = (match.index ?? 0) + match[0].length;
    while (depth > 0 && end < config.length) {
      if (config[end] === '{') depth++;
      if (config[end] === '}') depth--;
      end++;
    }
    blocks.set(match[1] ?? '', config.slice((match.index ?? 0) + match[0].length, end - 1));
  }
  return blocks;
}
