import { strict as assert } from 'node:assert';
import { parseStamp } from '../../src/core/time/civilTime';
import { compileParameter, evaluateParameter } from '../../src/core/model/parameterExpression';

/** Values of expressions for an instance scheduled at `at` (YYYY-MM-DDTHH:mm[:ss]). */
function values(at: string, ...expressions: string[]): string[] {
  const cycMs = parseStamp(at);
  return expressions.map((e) => evaluateParameter(e, { cycMs, taskId: '7', instanceId: `7@${at.slice(0, 16)}` }));
}

function errorOf(expression: string): string {
  const result = compileParameter(expression);
  assert.equal(result.ok, false, `${expression} should be rejected`);
  return (result as { error: string }).error;
}

describe('scheduling parameters', () => {
  describe('the seed\'s values', () => {
    it('$[yyyy-mm-dd-hh24-1/24] on the hourly instances of 2017-01-11 gives 2017-01-10-23 through 2017-01-11-22', () => {
      const got = Array.from({ length: 24 }, (_, h) => values(`2017-01-11T${String(h).padStart(2, '0')}:00`, '$[yyyy-mm-dd-hh24-1/24]')[0]);
      assert.equal(got[0], '2017-01-10-23');
      assert.equal(got[1], '2017-01-11-00');
      assert.equal(got[23], '2017-01-11-22');
      assert.equal(new Set(got).size, 24);
    });

    it('${bdp.system.bizdate} of the daily 2017-01-11 00:00 instance is 20170110, and $[yyyy-mm-dd-1] is 2017-01-10', () => {
      assert.deepEqual(values('2017-01-11T00:00', '${bdp.system.bizdate}', '$[yyyy-mm-dd-1]'), ['20170110', '2017-01-10']);
    });

    it('$[yyyy-mm-dd-hh24:mi-30/24/60] on the 30-minute instances gives 2017-01-10-23:30 through 2017-01-11-23:00', () => {
      assert.deepEqual(values('2017-01-11T00:00', '$[yyyy-mm-dd-hh24:mi-30/24/60]'), ['2017-01-10-23:30']);
      assert.deepEqual(values('2017-01-11T00:30', '$[yyyy-mm-dd-hh24:mi-30/24/60]'), ['2017-01-11-00:00']);
      assert.deepEqual(values('2017-01-11T23:30', '$[yyyy-mm-dd-hh24:mi-30/24/60]'), ['2017-01-11-23:00']);
    });
  });

  describe('reference cases', () => {
    it('OC-3: ${} tokens on the business date', () => {
      assert.deepEqual(values('2025-11-01T02:30:45', '${yyyy}', '${mm}', '${dd}', '${yyyymm}', '${yyyy-mm-dd}'), ['2025', '10', '31', '202510', '2025-10-31']);
    });

    it('OC-4: $[] tokens on the scheduled time', () => {
      assert.deepEqual(
        values('2025-11-01T02:30:45', '$[yyyy]', '$[mm]', '$[dd]', '$[hh24]', '$[hh]', '$[mi]', '$[ss]', '$[yyyymm]', '$[yyyy-mm-dd]', '$[yyyymmddhh24miss]'),
        ['2025', '11', '01', '02', '02', '30', '45', '202511', '2025-11-01', '20251101023045'],
      );
    });

    it('OC-5: an offset applies to the full timestamp before formatting (crossing a day)', () => {
      assert.deepEqual(
        values('2025-07-27T00:05', '$[yyyy-15/24/60]', '$[yyyymm-15/24/60]', '$[yyyymmdd-15/24/60]', '$[hh24-15/24/60]', '$[mi-15/24/60]'),
        ['2025', '202507', '20250726', '23', '50'],
      );
    });

    it('OC-6, OC-7, OC-8: day and hour offsets, literal separators', () => {
      assert.deepEqual(values('2025-07-27T00:05', '$[yyyymmdd-1]', '$[yyyymmdd]', '$[yyyymmddhh24-1/24]', '$[yyyymmddhh24]', '$[yyyy-mm]', '$[mm]'),
        ['20250726', '20250727', '2025072623', '2025072700', '2025-07', '07']);
    });

    it('OC-9: system parameters of a daily 00:00 instance on 2025-11-01', () => {
      assert.deepEqual(values('2025-11-01T00:00', '${yyyymmdd}', '$[yyyymmddhh24miss]', '$bizdate', '$cyctime', '$gmtdate', '$bizmonth'),
        ['20251031', '20251101000000', '20251031', '20251101000000', '20251101', '202510']);
    });

    it('$bizmonth is the month before the business date\'s while that month is still running', () => {
      assert.deepEqual(values('2025-11-15T00:00', '$bizmonth'), ['202510']);
      assert.deepEqual(values('2025-01-10T00:00', '$bizmonth'), ['202412']);
    });

    it('OC-10: a daily 01:00 instance on 2022-11-22', () => {
      assert.deepEqual(values('2022-11-22T01:00', '$bizdate', '$[yyyymmddhh24miss]', '${yyyymmdd}'), ['20221121', '20221122010000', '20221121']);
    });

    it('OC-11: add_months clamps to the end of the month', () => {
      assert.deepEqual(values('2025-03-31T00:00', '$[add_months(yyyymmdd,-1)]'), ['20250228']);
      assert.deepEqual(values('2024-03-31T00:00', '$[add_months(yyyymmdd,-1)]'), ['20240229']);
      assert.deepEqual(values('2024-02-29T00:00', '$[add_months(yyyy-mm-dd,12)]'), ['2025-02-28']);
    });

    it('OC-12: constants concatenate with expressions', () => {
      assert.deepEqual(values('2023-10-28T00:00', '${yyyymm}01'), ['20231001']);
      assert.deepEqual(values('2023-10-28T00:00', 'dt${yyyymmdd}/h$[hh24]'), ['dt20231027/h00']);
      assert.deepEqual(values('2023-10-28T00:00', 'plain', '42', ''), ['plain', '42', '']);
    });

    it('OC-14: a normal run on 2025-03-15 00:00', () => {
      assert.deepEqual(values('2025-03-15T00:00', '${yyyymmdd}', '$[yyyymmddhh24miss]'), ['20250314', '20250315000000']);
    });

    it('OC-15: ${} offsets count the format\'s smallest unit: years, months, weeks, days', () => {
      assert.deepEqual(values('2025-11-01T00:00', '${yyyy-1}', '${yyyymm-1}', '${yyyymmdd-7*1}', '${yyyymmdd-1}', '${yyyy-mm-dd+1}'),
        ['2024', '202509', '20251024', '20251030', '2025-11-01']);
    });

    it('OC-16: combined day and hour offsets, twelve months back, a week ahead', () => {
      assert.deepEqual(values('2025-11-01T02:30:45', '$[yyyymmdd-1-1/24]', '$[add_months(yyyymmdd,-12)]', '$[yyyymmdd+7*1]'), ['20251031', '20241101', '20251108']);
    });

    it('an offset crosses a month and a year, and a leap day', () => {
      assert.deepEqual(values('2025-01-01T00:00', '$[yyyy-mm-dd-hh24-1/24]', '${yyyy-mm-dd}', '$[yyyymmdd-1]'), ['2024-12-31-23', '2024-12-31', '20241231']);
      assert.deepEqual(values('2024-03-01T00:30', '$[yyyymmdd-1]', '$[yyyymmddhh24mi-45/24/60]'), ['20240229', '202402292345']);
    });

    it('OC-17: ${yyyy-mm-dd-1/24} is rejected: the business date has no hours', () => {
      assert.match(errorOf('${yyyy-mm-dd-1/24}'), /^\$\{yyyy-mm-dd-1\/24\}: .*needs \$\[\.\.\.\]/);
      assert.match(errorOf('${hh24}'), /"hh24" is not available in \$\{\.\.\.\}/);
    });

    it('OC-18: $[yyyy-1] is rejected: year and month offsets need add_months', () => {
      assert.match(errorOf('$[yyyy-1]'), /^\$\[yyyy-1\]: a year offset in \$\[\.\.\.\] needs add_months/);
      assert.match(errorOf('$[mm-1]'), /a month offset in \$\[\.\.\.\] needs add_months/);
    });
  });

  describe('invalid expressions are errors naming the expression, never literals', () => {
    it('unbalanced brackets', () => {
      assert.match(errorOf('${yyyymmdd'), /unbalanced "\$\{"/);
      assert.match(errorOf('x_$[hh24'), /^"\$\[hh24": unbalanced "\$\["/);
    });

    it('unknown tokens and system parameters', () => {
      assert.match(errorOf('${yyyyMMdd}'), /unknown format token "MMdd"/);
      assert.match(errorOf('$[week]'), /unknown format token "week"/);
      assert.match(errorOf('$foo'), /^\$foo: unknown system parameter/);
      assert.match(errorOf('${bdp.system.nodate}'), /unknown system variable/);
      assert.match(errorOf('$[last_day(yyyymmdd)]'), /unknown function/);
    });

    it('spaces, "=", empty expressions and bad divisors', () => {
      assert.match(errorOf('$[yyyy-mm-dd hh24:mi:ss]'), /cannot hold spaces or "="/);
      assert.match(errorOf('${}'), /empty expression/);
      assert.match(errorOf('$[hh24-1/12]'), /"-1\/12" is not an offset/);
      assert.match(errorOf('${-1}'), /needs a date format before it/);
      assert.match(errorOf('$[hh24-1]'), /counts whole days, but the format has no day/);
    });

    it('a lone $ followed by no name is a literal', () => {
      assert.deepEqual(values('2025-11-01T00:00', 'cost_$', '$1'), ['cost_$', '$1']);
    });
  });

  it('$nodeid and $taskid name the task and the instance', () => {
    assert.deepEqual(values('2025-11-01T06:00', '$nodeid', '$taskid'), ['7', '7@2025-11-01T06:00']);
  });

  it('hh is the 12-hour clock, hh24 the 24-hour one', () => {
    assert.deepEqual(values('2025-11-01T14:05', '$[hh]', '$[hh24]', '$[hh12]'), ['02', '14', '02']);
    assert.deepEqual(values('2025-11-01T00:05', '$[hh]'), ['12']);
  });

  describe('spaces and "=" in a DataWorks value', () => {
    // help.aliyun.com, "Supported formats of scheduling parameters": "Parameter expressions do not support spaces or the = character".
    it('refuses them outside a bracket as inside one, naming the value', () => {
      for (const value of ['ds=${yyyymmdd}', '$[yyyy-mm-dd] $[hh24:mi:ss]', 'a b', '$[yyyy mm]']) {
        const result = compileParameter(value);
        assert.ok(!result.ok, value);
        assert.match(result.error, /spaces or "="/);
      }
    });
  });

  describe("Dataphin's syntax (scheduler: dataphin)", () => {
    // help.aliyun.com/zh/dataphin/.../variable-classification-and-assignment (变量分类与赋值): the worked table for 2018-01-10.
    const dataphin = (at: string, globals: Record<string, string>, ...expressions: string[]) => {
      const cycMs = parseStamp(at);
      return expressions.map((e) => {
        const r = compileParameter(e, { scheduler: 'dataphin', globals });
        if (!r.ok) throw new Error(r.error);
        return r.evaluate({ cycMs });
      });
    };
    it("gives the page's values for 2018-01-10", () => {
      assert.deepEqual(dataphin('2018-01-10T00:00', {}, '${yyyymmdd}', '$[yyyymmdd]', '${yyyymmdd -7}', '${yyyy-mm -1}', '${yyyy+1}', '${yyyy/MM/dd HH:mm:ss}'), ['20180109', '20180110', '20180102', '2017-12', '2019', '2018/01/09 00:00:00']);
    });
    it('reads Java-style tokens, spaces, ${bizdate}, the project\'s globals, and leaves other variables to the run', () => {
      assert.deepEqual(
        dataphin('2018-01-10T05:30', { region: 'cn' }, '${yyyyMMdd-1}', '$[yyyyMMddHHmmss-1/24]', '$[yyyy-MM-dd HH:mm:ss]', '${bizdate}', 'ds=${bizdate}', '${region}', '${my_local}'),
        ['20180108', '20180110043000', '2018-01-10 05:30:00', '20180109', 'ds=20180109', 'cn', '${my_local}'],
      );
      const bad = compileParameter('$[foo]', { scheduler: 'dataphin' });
      assert.ok(!bad.ok && /\$\[foo\]: neither a date format/.test(bad.error));
    });
  });
});
