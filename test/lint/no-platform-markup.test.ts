import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { spans } from '../../src/chat/text.js';
import { t } from '../../src/shared/i18n/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Platform markup a chat text must not carry: the catalogue and the core write neutral spans
 * (src/chat/text.ts `bold`, `command`, `personText`, `slackConversation`…) and each platform draws them.
 */
const MARKUP: Array<[string, RegExp]> = [
  ['a code span or command in backticks', /`/],
  ['Slack bold', /(?:^|[^\p{L}\p{N}*\\])\*[^\s*][^*\n]*\*(?![\p{L}\p{N}*])/u],
  ['markdown bold', /\*\*[^\s*]/],
  ['Slack italic', /(?:^|[^\p{L}\p{N}_])_[^\s_][^_\n]*_(?![\p{L}\p{N}_])/u],
  ['a Slack channel, user or special mention', /<[#@!][A-Za-z^]/],
  ['an emoji code', /(?:^|\s):[a-z][a-z0-9_+-]*:(?:\s|$)/],
];

/**
 * Strings that hold such characters for another reason than showing them in chat, each with why.
 * A tagged `String.raw` template is a regular expression's source and is not read at all.
 */
const ALLOWED: Array<{ file: string; text: string; why: string }> = [
  { file: 'src/photos/sniff.ts', text: '<!doctype html', why: 'recognises an HTML file by its first bytes' },
];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Every string a source file writes: literals, and templates with `${…}` read as `X`. */
function strings(file: string, text: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    if (ts.isTemplateExpression(node)) out.push(node.head.text + node.templateSpans.map((s) => `X${s.literal.text}`).join(''));
    // An import's module name is no chat text.
    if (ts.isImportDeclaration(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return out;
}

/** `file: text — what` for each string of `text` that holds platform markup. */
function markupIn(file: string, text: string): string[] {
  return strings(file, text).flatMap((s) => {
    if (ALLOWED.some((a) => a.file === file && s.includes(a.text))) return [];
    return MARKUP.filter(([, re]) => re.test(s)).map(([what]) => `${file}: ${JSON.stringify(s)} — ${what}`);
  });
}

describe('no platform markup in the core', () => {
  it('finds Slack bold, code, italic, mentions and emoji codes in a source text, and leaves neutral text alone', () => {
    const bad = [
      "const a = 'Tapez `/pledge 500`';",
      'const b = (site: string) => `*${site}* (ici)`;',
      "const c = '_vite_ et **fort**';",
      'const d = (id: string) => `<#${id}> <@U1> <!here>`;',
      "const e = ':bus: en route';",
    ].join('\n');
    expect(markupIn('src/sample.ts', bad).map((l) => l.replace(/^.* — /, ''))).toEqual([
      'a code span or command in backticks',
      'Slack bold',
      'markdown bold',
      'Slack italic',
      'a Slack channel, user or special mention',
      'an emoji code',
    ]);
    const fine = [
      "const a = `Tapez ${command('/pledge 500')} · 5 * 3 = 15 · snake_case · 09:00:00 · https://e.example/x`;",
      "const b = { key: `teams-tenant:${id ?? '*'}` };",
      'const re = new RegExp(String.raw`<!(?<all>here)>|\\*(?<bold>\\S+)\\*`);',
    ].join('\n');
    expect(markupIn('src/sample.ts', fine)).toEqual([]);
  });

  it('src/ writes no Slack or markdown markup in any string: the catalogue speaks in neutral spans', () => {
    const found = sourceFiles(join(root, 'src')).flatMap((path) => markupIn(relative(root, path), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });

  it('every catalogue entry, called with sample words and numbers in both languages, has no markup in its own words', () => {
    const found: string[] = [];
    const samples: unknown[][] = [
      ['/', 'Imzer', 'parka', '8-10', 'Imlil', 'x'],
      [3, 5, 7, 9, 11, 13],
    ];
    const visit = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        for (const s of spans(value))
          if (s.kind === 'plain') for (const [what, re] of MARKUP) if (re.test(s.text)) found.push(`${path}: ${JSON.stringify(s.text)} — ${what}`);
      } else if (typeof value === 'function') {
        for (const [i, args] of samples.entries()) {
          let result: unknown;
          try {
            result = (value as (...a: unknown[]) => unknown)(...args);
          } catch {
            continue; // An entry that needs richer arguments (an item, a date) is read from its source above.
          }
          visit(result, `${path}(${i})`);
        }
      } else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    };
    visit(t('fr'), 'fr');
    visit(t('en'), 'en');
    expect(found).toEqual([]);
  });
});
