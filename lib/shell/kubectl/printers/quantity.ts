const BIN: [string, number][] = [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
const DEC: [string, number][] = [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]];

/**
 * resource.Quantity.String() for the values tables show: the canonical form keeps the
 * format (binary or decimal SI) and uses the largest suffix that divides evenly
 * (`1000M` → `1G`, `1024Mi` → `1Gi`, `1G` stays `1G`).
 */
export function formatQuantity(q: string | number | undefined): string {
  if (q === undefined || q === null) return '';
  const text = String(q).trim();
  const m = /^(\d+)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.exec(text);
  if (!m) return text;
  const binary = !!m[2]?.endsWith('i');
  const table = binary ? BIN : DEC;
  const unit = m[2] ? table.find(([s]) => s === m[2])![1] : 1;
  const value = Number(m[1]) * unit;
  if (value === 0) return '0';
  for (const [suffix, size] of table) if (value % size === 0) return `${value / size}${suffix}`;
  return String(value);
}
