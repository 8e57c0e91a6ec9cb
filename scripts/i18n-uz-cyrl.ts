// Drafts the Uzbek Cyrillic messages from the Latin ones by rule (server/shared/uz-names.ts), for the ids the Cyrillic
// file lacks; ids already there are kept as they are, so hand corrections survive. ICU syntax (arguments, plural
// keywords) is left alone: only literal text is transliterated.
// Run: npx tsx scripts/i18n-uz-cyrl.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { latinToCyrillic } from '../server/shared/uz-names.ts';

const DIR = 'web/i18n/messages';
/** Words written the same in both scripts: product and file-format names. */
const KEEP = /\b(README|CSV|XLSX|PDF|PNG|H3|OpenStreetMap|FDR|SOATO)\b/g;

function literal(text: string): string {
  // Transliterate around the kept words.
  let out = '';
  let last = 0;
  for (const m of text.matchAll(KEEP)) {
    out += latinToCyrillic(text.slice(last, m.index)) + m[0];
    last = (m.index ?? 0) + m[0].length;
  }
  return out + latinToCyrillic(text.slice(last));
}

function walk(els: MessageFormatElement[]): void {
  for (const el of els) {
    if (el.type === TYPE.literal) el.value = literal(el.value);
    else if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const opt of Object.values(el.options)) walk(opt.value);
    else if (el.type === TYPE.tag) walk(el.children);
  }
}

const latin = JSON.parse(readFileSync(`${DIR}/uz-Latn.json`, 'utf8')) as Record<string, string>;
const cyrillic = JSON.parse(readFileSync(`${DIR}/uz-Cyrl.json`, 'utf8')) as Record<string, string>;
const out: Record<string, string> = {};
let drafted = 0;
for (const [id, text] of Object.entries(latin)) {
  if (cyrillic[id] !== undefined) out[id] = cyrillic[id];
  else {
    const ast = parse(text);
    walk(ast);
    out[id] = printAST(ast);
    drafted += 1;
  }
}
writeFileSync(`${DIR}/uz-Cyrl.json`, `${JSON.stringify(out, null, 2)}\n`);
console.log(`uz-Cyrl: ${drafted} drafted, ${Object.keys(out).length - drafted} kept`);
