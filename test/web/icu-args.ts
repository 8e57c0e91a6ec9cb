// The argument names an ICU message uses, for the message-file tests.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** The argument names a message uses, wherever they are nested (plural branches, tags). */
export function args(els: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of els) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
      out.add(el.value);
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.add(el.value);
      for (const opt of Object.values(el.options)) args(opt.value, out);
    } else if (el.type === TYPE.tag) args(el.children, out);
  }
  return out;
}

/** The sorted argument names of one message text. */
export const argsOf = (text: string): string[] => [...args(parse(text))].sort();
