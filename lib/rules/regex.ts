import { toHalfWidth } from '../match/identifiers';

/**
 * The optional extraction pattern of a rule runs in the content script on every scan of the page, and
 * rules are shared between managers as files. So a pattern is accepted only when it compiles in `u` mode
 * and has no quantified group that itself contains a quantifier (`(a+)+`, `(\d*)*`, `(x|y+){2,}`), the
 * usual shape of catastrophic backtracking. The text it runs on is also capped (apply.ts).
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;

export type RegexProblem = 'syntax' | 'nested';

/** Why a rule's extraction pattern is refused, or null when it is fine. */
export function regexProblem(source: string): RegexProblem | null {
  try {
    new RegExp(source, 'u');
  } catch {
    return 'syntax';
  }
  return NESTED_QUANTIFIER.test(source) ? 'nested' : null;
}

const META = new Set('^$\\.*+?()[]{}|/'.split(''));

/**
 * Folds full-width characters of a pattern like the page text is folded (lib/match/identifiers
 * toHalfWidth), so `客户编码：` written with a full-width colon still matches. A folded character that is
 * a regex metacharacter is escaped: `（新）` must stay literal brackets, not become a group.
 */
export function foldPattern(source: string): string {
  return source.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => {
    const h = toHalfWidth(c);
    return META.has(h) ? `\\${h}` : h;
  });
}

const compiled = new Map<string, RegExp | null>();

/** The pattern as applied to folded page text (`u` flag), or null when it is refused; cached by source. */
export function compileExtract(source: string): RegExp | null {
  let re = compiled.get(source);
  if (re === undefined) {
    if (compiled.size > 500) compiled.clear();
    re = null;
    if (regexProblem(source) === null) {
      try {
        re = new RegExp(foldPattern(source), 'u');
      } catch {
        re = null;
      }
    }
    compiled.set(source, re);
  }
  return re;
}
