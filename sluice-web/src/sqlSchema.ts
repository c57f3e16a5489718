/**
 * Tables and their columns declared by a script's CREATE TABLE / CREATE VIEW statements, for the
 * editor's completion. Sluice tables live in the script (connections are the shared catalog), so the
 * script itself is where their columns are known.
 */
export type Schema = Record<string, string[]>;

const NOT_COLUMNS = new Set(['PRIMARY', 'WATERMARK', 'CONSTRAINT', 'PERIOD', 'LIKE']);

export function declaredTables(script: string): Schema {
  const text = stripComments(script);
  const schema: Schema = {};
  const create = /\bCREATE\s+(?:TEMPORARY\s+)?(TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(`[^`]+`|[\w.]+)/gi;
  let match: RegExpExecArray | null;
  while ((match = create.exec(text)) !== null) {
    const name = unquote(match[2]);
    if (match[1].toUpperCase() === 'VIEW') {
      schema[name] = [];
      continue;
    }
    const open = text.indexOf('(', create.lastIndex);
    const between = text.slice(create.lastIndex, open);
    if (open < 0 || between.trim() !== '') {
      schema[name] = [];
      continue;
    }
    schema[name] = columns(text, open + 1);
  }
  return schema;
}

function columns(text: string, start: number): string[] {
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      current += text.slice(i, end < 0 ? text.length : end + 1);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '(' || c === '<') depth++;
    if ((c === ')' || c === '>') && depth > 0) {
      depth--;
    } else if (c === ')') {
      entries.push(current);
      break;
    }
    if (c === ',' && depth === 0) {
      entries.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  return entries
    .map((entry) => entry.trim().match(/^(`[^`]+`|\w+)/)?.[1])
    .filter((word): word is string => !!word && !NOT_COLUMNS.has(word.toUpperCase()))
    .map(unquote);
}

function unquote(name: string) {
  return name.startsWith('`') ? name.slice(1, -1) : name;
}

/** Blanks out comments but keeps every character's position, so offsets stay true. */
function stripComments(script: string) {
  return script
    .replace(/--[^\n]*/g, (comment) => ' '.repeat(comment.length))
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
}
