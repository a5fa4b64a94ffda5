/**
 * Scheduling parameters between DataWorks' syntax and DolphinScheduler's time expressions
 * (`$[yyyyMMdd-1]`, `$[yyyy-MM-dd HH:mm:ss]`, relative to the schedule time; `${system.biz.date}`, the
 * day before). DataWorks' `${…}` is the business date, the day before the scheduled time, so it
 * becomes a `$[…]` one day further back. What has no equivalent is kept as written, and said so.
 */
const TO_JAVA: [RegExp, string][] = [
  [/hh24/g, 'HH'],
  [/mi/g, 'mm\u0000'],
  [/mm(?!\u0000)/g, 'MM'],
  [/\u0000/g, ''],
  [/hh/g, 'hh'],
];
const TO_ORACLE: [RegExp, string][] = [
  [/HH/g, 'hh24'],
  [/mm/g, 'mi'],
  [/MM/g, 'mm'],
];

function convert(format: string, table: [RegExp, string][]): string {
  return table.reduce((s, [re, to]) => s.replace(re, to), format);
}

/** Whole-day offset of a `-N`/`+N` suffix, or undefined when it has hours, minutes or a product. */
function dayOffset(offset: string): number | undefined {
  if (offset === '') return 0;
  return /^[+-]\d+$/.test(offset) ? Number(offset) : undefined;
}

export function toDolphin(value: string): { value: string; exact: boolean } {
  let exact = true;
  const out = value
    .replace(/\$\{bdp\.system\.bizdate\}|\$bizdate\b/g, '${system.biz.date}')
    .replace(/\$\{bdp\.system\.cyctime\}|\$cyctime\b/g, '$[yyyyMMddHHmmss]')
    .replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('system.')) return whole;
      const m = /^([a-z\-/: ]*?)([+-]\d+)?$/.exec(inner);
      const days = m ? dayOffset(m[2] ?? '') : undefined;
      // A day-precision business date: one day before the schedule time, plus its own offset.
      if (!m || days === undefined || !m[1]!.includes('dd')) {
        exact = false;
        return whole;
      }
      const total = days - 1;
      return `$[${convert(m[1]!, TO_JAVA)}${total === 0 ? '' : total > 0 ? `+${total}` : total}]`;
    })
    .replace(/\$\[([^\]]*)\]/g, (whole, inner: string) => {
      if (/add_months/.test(inner)) return `$[${inner.replace(/yyyymmdd|yyyy-mm-dd|yyyymm/g, (f) => convert(f, TO_JAVA))}]`;
      if (/[A-Z]/.test(inner)) return whole;
      const m = /^(.*?)((?:[+-]\d+(?:\/\d+)*)*)$/.exec(inner)!;
      return `$[${convert(m[1]!, TO_JAVA)}${m[2]}]`;
    });
  if (/\$[a-z]/.test(out.replace(/\$\[|\$\{/g, ''))) exact = false;
  return { value: out, exact };
}

/** DolphinScheduler's expressions back to DataWorks' (`$[yyyyMMdd-1]` is `${yyyymmdd}`). */
export function fromDolphin(value: string): { value: string; exact: boolean } {
  let exact = true;
  const out = value
    .replace(/\$\{system\.biz\.date\}/g, '${bdp.system.bizdate}')
    .replace(/\$\{system\.biz\.curdate\}/g, '$[yyyymmdd]')
    .replace(/\$\{system\.datetime\}/g, () => ((exact = false), '$[yyyymmddhh24miss]'))
    .replace(/\$\[([^\]]*)\]/g, (_whole, inner: string) => {
      const m = /^(.*?)((?:[+-]\d+(?:\/\d+)*)*)$/.exec(inner)!;
      const format = convert(m[1]!, TO_ORACLE);
      const offset = m[2]!;
      // A whole-day offset of a date format reads best as DataWorks' business date.
      const days = dayOffset(offset);
      if (days !== undefined && days <= -1 && /dd/.test(format) && !/hh24|mi|ss/.test(format)) return `\${${format}${days + 1 === 0 ? '' : days + 1}}`;
      return `$[${format}${offset}]`;
    });
  return { value: out, exact };
}
