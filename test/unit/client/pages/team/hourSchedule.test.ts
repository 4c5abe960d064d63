import { describe, expect, it } from 'vitest';
import { describeSchedule, formFieldOf, hourToTime, timeToHour } from '../../../../../client/pages/team/hourSchedule';

describe('hour schedule form shaping', () => {
  it.each([
    [8, '08:00'], [8.5, '08:30'], [0, '00:00'], [24, '24:00'], [17.25, '17:15'],
  ])('hourToTime(%s) → %s', (h, t) => {
    expect(hourToTime(h)).toBe(t);
    expect(timeToHour(t)).toBe(h);
  });

  it.each(['', '8', '8:5', '25:00', '24:30', 'noon', '08:60'])('timeToHour(%j) → null', (t) => {
    expect(timeToHour(t)).toBeNull();
  });

  it.each([
    ['hourSchedule.businessEndHour', 'businessEndHour'],
    ['hourSchedule.businessDays.0', 'businessDays'],
    ['hourSchedule.bogus', null],
    ['name', null],
  ])('formFieldOf(%s) → %s', (field, expected) => {
    expect(formFieldOf(field)).toBe(expected);
  });

  it('describes a schedule in words', () => {
    expect(describeSchedule({ businessStartHour: 9, businessEndHour: 17.5, sleepStartHour: 23, sleepEndHour: 7, businessDays: [1, 2, 3, 4] }))
      .toBe('Business 09:00–17:30 (Mon, Tue, Wed, Thu); sleep 23:00–07:00; off hours the rest');
  });
});
