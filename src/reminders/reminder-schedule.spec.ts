import fc from 'fast-check';
import { addDays, fromEpochDay, londonMidnight, toEpochDay } from '../calendar/iso-date';
import { PROCLAIMED_CHANGES } from '../calendar/proclaimed-changes';
import { WorkingDayCalendar } from '../calendar/working-days';
import { nextReminderAt, reminderDueNow } from './reminder-schedule';

const calendar = WorkingDayCalendar.fromChanges(PROCLAIMED_CHANGES);
const at = (iso: string) => new Date(iso);
const USUAL = [2, 0];

describe('reminders of a clock due Monday 1 June 2026 (2 working days before, and on the day)', () => {
  const due = { dueDate: '2026-06-01' };

  it('says nothing before the first reminder day, and knows when that is', () => {
    expect(reminderDueNow(USUAL, due, at('2026-05-27T12:00:00+01:00'), calendar)).toBeUndefined();
    expect(nextReminderAt(USUAL, due, at('2026-05-27T12:00:00+01:00'), calendar)).toEqual(
      at('2026-05-28T00:00:00+01:00'),
    );
  });

  it('reminds on Thursday 28 May, two working days before, and keeps that reminder over the weekend', () => {
    for (const now of ['2026-05-28T00:00:00+01:00', '2026-05-30T15:00:00+01:00']) {
      expect(reminderDueNow(USUAL, due, at(now), calendar)).toEqual({
        kind: 'due-soon',
        forDate: '2026-05-28',
      });
      expect(nextReminderAt(USUAL, due, at(now), calendar)).toEqual(at('2026-06-01T00:00:00+01:00'));
    }
  });

  it('reminds on the due date, then every working day while overdue, skipping the weekend', () => {
    expect(reminderDueNow(USUAL, due, at('2026-06-01T08:00:00+01:00'), calendar)).toEqual({
      kind: 'due-today',
      forDate: '2026-06-01',
    });
    expect(reminderDueNow(USUAL, due, at('2026-06-02T08:00:00+01:00'), calendar)).toEqual({
      kind: 'overdue',
      forDate: '2026-06-02',
    });
    expect(reminderDueNow(USUAL, due, at('2026-06-06T08:00:00+01:00'), calendar)).toBeUndefined();
    expect(nextReminderAt(USUAL, due, at('2026-06-05T08:00:00+01:00'), calendar)).toEqual(
      at('2026-06-08T00:00:00+01:00'),
    );
  });
});

it('after downtime gives only the latest reminder that is due, not every one that was missed', () => {
  const due = { dueDate: '2026-09-30' };
  const now = at('2026-09-28T09:00:00+01:00');
  expect(reminderDueNow([20, 5, 0], due, now, calendar)).toEqual({ kind: 'due-soon', forDate: '2026-09-23' });
});

it('counts the reminder days back over a bank holiday: 2 WD before Tuesday 26 May 2026 is Thursday 21 May', () => {
  expect(reminderDueNow(USUAL, { dueDate: '2026-05-26' }, at('2026-05-21T10:00:00+01:00'), calendar)).toEqual(
    {
      kind: 'due-soon',
      forDate: '2026-05-21',
    },
  );
});

it('an hour clock is due on its day until its instant, then overdue straight away', () => {
  const due = { dueDate: '2026-10-26', dueAt: at('2026-10-26T10:00:00Z') };
  expect(reminderDueNow([0], due, at('2026-10-26T09:59:59Z'), calendar)).toEqual({
    kind: 'due-today',
    forDate: '2026-10-26',
  });
  expect(nextReminderAt([0], due, at('2026-10-26T09:59:59Z'), calendar)).toEqual(
    at('2026-10-26T10:00:00.001Z'),
  );
  expect(reminderDueNow([0], due, at('2026-10-26T10:00:00.001Z'), calendar)).toEqual({
    kind: 'overdue',
    forDate: '2026-10-26',
  });
});

it('has no new reminder between any instant and the next reminder instant, and a new one from then', () => {
  const day = (from: string, to: string) =>
    fc.integer({ min: toEpochDay(from), max: toEpochDay(to) }).map(fromEpochDay);
  fc.assert(
    fc.property(
      day('2026-01-01', '2027-12-31'),
      fc.integer({ min: -40, max: 40 }),
      fc.integer({ min: 0, max: 86_399_999 }),
      fc.subarray([20, 10, 5, 2, 1, 0], { minLength: 1 }),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (dueDate, daysFromDue, msIntoDay, offsets, fraction) => {
        const due = { dueDate };
        const now = new Date(londonMidnight(addDays(dueDate, daysFromDue)).getTime() + msIntoDay);
        const current = reminderDueNow(offsets, due, now, calendar);
        const next = nextReminderAt(offsets, due, now, calendar);
        expect(next.getTime()).toBeGreaterThan(now.getTime());
        for (const between of [
          new Date(next.getTime() - 1),
          new Date(now.getTime() + Math.floor((next.getTime() - now.getTime()) * fraction)),
        ]) {
          const slot = reminderDueNow(offsets, due, between, calendar);
          if (slot) expect(slot).toEqual(current);
        }
        const then = reminderDueNow(offsets, due, next, calendar);
        if (then) expect(then).not.toEqual(current);
      },
    ),
  );
});
