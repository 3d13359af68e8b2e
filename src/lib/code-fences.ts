/**
 * Fenced code blocks of a Markdown source (``` or ~~~), with the language from
 * the info string and the 1-based line where the fence opens.
 */
export interface CodeFence {
  lang: string;
  code: string;
  line: number;
}

export function codeFences(source: string, firstLine = 1): CodeFence[] {
  const fences: CodeFence[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`{]*)/.exec(lines[i]!);
    if (!open) continue;
    const marker = open[1]!;
    const start = i;
    const code: string[] = [];
    for (i++; i < lines.length && !new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`).test(lines[i]!); i++)
      code.push(lines[i]!);
    fences.push({ lang: open[2]!.toLowerCase(), code: code.join('\n'), line: start + firstLine });
  }
  return fences;
}
