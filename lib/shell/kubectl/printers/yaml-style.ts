/**
 * How go-yaml v2 (behind sigs.k8s.io/yaml, so kubectl -o yaml) writes a string scalar.
 *
 * encode.go stringv: a string that would resolve to another type when unquoted (resolve.go:
 * bools/nulls of YAML 1.1, ints, floats, timestamps, base-60 floats) is requested double-quoted;
 * one with a line break a literal block; anything else plain. emitterc.go then analyses the
 * scalar (yaml_emitter_analyze_scalar) and downgrades the requested style
 * (yaml_emitter_select_scalar_style): plain → 'single' when indicators, leading/trailing spaces
 * forbid plain; single → "double" when special characters or space/break mixes forbid it;
 * literal → "double" when a trailing space forbids a block.
 */
export type GoYamlStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL';

// resolve.go resolveMap: the YAML 1.1 words go-yaml v2 reads as bool, null, float or merge.
const RESOLVED_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9][0-9]*)$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// parseTimestamp's layouts: 2006-1-2T15:4:5.999999999Z07:00 (T or t), 2006-1-2 15:4:5.999999999, 2006-1-2.
const TIMESTAMP = [
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?$/,
  /^\d{4}-\d{1,2}-\d{1,2}$/,
];

/** resolve("", s) is not !!str, or isBase60Float(s): the encoder asks for double quotes. */
function resolvesToNonString(s: string): boolean {
  if (RESOLVED_WORDS.has(s)) return true;
  const c = s[0];
  if (c === '.') return !Number.isNaN(Number(s)) && YAML_STYLE_FLOAT.test(s);
  if (!/[-+0-9]/.test(c)) return false;
  if (TIMESTAMP.some((re) => re.test(s))) return true;
  const plain = s.replace(/_/g, '');
  return GO_INT.test(plain) || YAML_STYLE_FLOAT.test(plain) || /^-?0b[01]+$/.test(plain) || BASE60_FLOAT.test(s);
}

const blank = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
const isBreak = (ch: string) => ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
/** yamlprivateh.go is_printable (over UTF-8 bytes: no tab, CR or NEL, nothing beyond U+FFFD). */
function printable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

interface Analysis { blockPlain: boolean; singleQuoted: boolean; block: boolean }

/** yaml_emitter_analyze_scalar, for a block context (kubectl's output has no flow collections). */
function analyze(s: string): Analysis {
  if (s.length === 0) return { blockPlain: true, singleQuoted: true, block: false };
  const chars = [...s];
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false, leadingSpace = false, trailingSpace = false, leadingBreak = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, lineBreaks = false, prevSpace = false, prevBreak = false;
  let precededByWs = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const followedByWs = blank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWs) blockIndicators = true;
    } else if (ch === ':' && followedByWs) blockIndicators = true;
    else if (ch === '#' && precededByWs) blockIndicators = true;
    if (!printable(ch)) special = true;
    const last = i === chars.length - 1;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true; prevBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false; prevBreak = true;
    } else {
      prevSpace = false; prevBreak = false;
    }
    precededByWs = blank(ch);
  }
  const a: Analysis = { blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) { a.blockPlain = false; a.singleQuoted = false; }
  if (spaceBreak || special) { a.blockPlain = false; a.singleQuoted = false; a.block = false; }
  if (lineBreaks || blockIndicators) a.blockPlain = false;
  return a;
}

/** The style go-yaml v2 writes `s` in, as a mapping value or sequence item (`key` for a mapping key). */
export function goYamlStyle(s: string, key = false): GoYamlStyle {
  let style: GoYamlStyle = resolvesToNonString(s) || BASE60_FLOAT.test(s) ? 'QUOTE_DOUBLE' : s.includes('\n') ? 'BLOCK_LITERAL' : 'PLAIN';
  const a = analyze(s);
  if (key && s.includes('\n')) style = 'QUOTE_DOUBLE';
  if (style === 'PLAIN') {
    if (!a.blockPlain || (s.length === 0 && key)) style = 'QUOTE_SINGLE';
  }
  if (style === 'QUOTE_SINGLE' && !a.singleQuoted) style = 'QUOTE_DOUBLE';
  if (style === 'BLOCK_LITERAL' && (!a.block || key)) style = 'QUOTE_DOUBLE';
  return style;
}
