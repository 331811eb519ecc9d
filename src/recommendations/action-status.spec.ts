import { actionStatus, completedOnTime } from './action-status';

describe('actionStatus', () => {
  const today = '2026-05-11';
  const soon = '2026-05-25';

  it('is completed once a completion date is recorded, even after the due date', () => {
    expect(actionStatus({ dueDate: '2026-04-01', completedOn: '2026-05-01' }, today, soon)).toBe('completed');
  });

  it('is overdue from the day after the due date', () => {
    expect(actionStatus({ dueDate: '2026-05-10', completedOn: null }, today, soon)).toBe('overdue');
    expect(actionStatus({ dueDate: '2026-05-11', completedOn: null }, today, soon)).toBe('due-soon');
  });

  it('is due soon up to and including the horizon, then open', () => {
    expect(actionStatus({ dueDate: '2026-05-25', completedOn: null }, today, soon)).toBe('due-soon');
    expect(actionStatus({ dueDate: '2026-05-26', completedOn: null }, today, soon)).toBe('open');
  });
});

describe('completedOnTime', () => {
  it('compares the completion date with the due date', () => {
    expect(completedOnTime({ dueDate: '2026-05-10', completedOn: '2026-05-10' })).toBe(true);
    expect(completedOnTime({ dueDate: '2026-05-10', completedOn: '2026-05-11' })).toBe(false);
    expect(completedOnTime({ dueDate: '2026-05-10', completedOn: null })).toBeNull();
  });
});
