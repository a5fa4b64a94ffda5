import { strict as assert } from 'node:assert';
import { scheduleSchema } from '../../src/core/model/taskSchema';
import { checkSchedule } from '../../src/core/model/scheduleRules';

function check(input: object): string[] {
  return checkSchedule(scheduleSchema.parse(input)).map((p) => `${p.severity}:${p.message}`);
}

describe('impossible schedules', () => {
  it('accepts the seed\'s schedules', () => {
    assert.deepEqual(check({ cycle: 'hour', start: '00:00', end: '23:59', interval: 1, crossCycle: 'self' }), []);
    assert.deepEqual(check({ cycle: 'minute', start: '00:00', end: '23:59', interval: 30 }), []);
    assert.deepEqual(check({ cycle: 'hour', interval: 6 }), []);
    assert.deepEqual(check({ cycle: 'day', time: '00:00' }), []);
  });

  it('refuses a minute interval below 5 and above 59', () => {
    assert.deepEqual(check({ cycle: 'minute', interval: 4 }), ['error:schedule.interval: a minute interval must be 5 to 59 minutes, not 4']);
    assert.deepEqual(check({ cycle: 'minute', interval: 60 }), ['error:schedule.interval: a minute interval must be 5 to 59 minutes, not 60']);
  });

  it('refuses an hour interval outside 1..23', () => {
    assert.deepEqual(check({ cycle: 'hour', interval: 24 }), ['error:schedule.interval: an hour interval must be 1 to 23 hours, not 24']);
  });

  it('needs an interval for a minute cycle', () => {
    assert.deepEqual(check({ cycle: 'minute' }), ['error:schedule.interval: a minute cycle needs an interval (5 to 59 minutes)']);
  });

  it('refuses a window that ends before it starts', () => {
    assert.deepEqual(check({ cycle: 'hour', start: '10:00', end: '08:00' }), ['error:schedule.end: the window ends (08:00) before it starts (10:00)']);
  });

  it('refuses days: [31] with months: [2] only, and any day that none of the months has', () => {
    assert.deepEqual(check({ cycle: 'year', months: [2], days: [31], time: '00:00' }), ['error:schedule.days: day 31 never occurs in month 2']);
    assert.deepEqual(check({ cycle: 'year', months: [2, 4], days: [30, 31] }), ['error:schedule.days: day 31 never occurs in months 2, 4']);
    assert.deepEqual(check({ cycle: 'year', months: [2], days: [29, 'L'] }), [], 'Feb 29 occurs in leap years');
  });

  it('needs weekdays, days and months where the cycle uses them', () => {
    assert.deepEqual(check({ cycle: 'week' }), ['error:schedule.weekdays: a week cycle needs at least one weekday (1 = Monday .. 7 = Sunday)']);
    assert.deepEqual(check({ cycle: 'month' }), ['error:schedule.days: a month cycle needs at least one day of the month (1..31 or L)']);
    assert.deepEqual(check({ cycle: 'year', days: [1] }), ['error:schedule.months: a year cycle needs at least one month (1..12)']);
  });

  it('needs a cycle unless the task is one-time', () => {
    assert.deepEqual(checkSchedule(scheduleSchema.parse({ method: 'normal' })).map((p) => p.message), ['schedule.cycle: a cycle is required unless the method is one-time']);
    assert.deepEqual(check({ method: 'one-time' }), []);
  });

  it('warns about fields the cycle ignores and duplicate values', () => {
    assert.deepEqual(check({ cycle: 'day', weekdays: [1] }), ['warning:schedule.weekdays: is ignored for the day cycle']);
    assert.deepEqual(check({ cycle: 'week', weekdays: [1, 1] }), ['warning:schedule.weekdays: lists a value twice']);
  });

  it('refuses an effective range that ends before it starts', () => {
    assert.deepEqual(check({ cycle: 'day', effective: { from: '2026-05-01', to: '2026-04-01' } }), ['error:schedule.effective: ends (2026-04-01) before it starts (2026-05-01)']);
  });

  it('warns that conditional scheduling applies only to the normal method', () => {
    assert.deepEqual(check({ method: 'dry-run', cycle: 'day', conditional: { enabled: true } }), ['warning:schedule.conditional: conditional scheduling applies only to the normal method, not dry-run']);
  });
});
