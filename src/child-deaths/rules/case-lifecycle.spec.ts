import {
  allowedTransitions,
  canClose,
  CASE_STATES,
  CaseLifecycle,
  pause,
  resume,
  transition,
} from './case-lifecycle';

const since = '2026-03-20T10:00:00+00:00';

describe('case states', () => {
  it('walks a case with a JAR from notification to closure', () => {
    let lifecycle: CaseLifecycle = { state: 'notified' };
    for (const next of CASE_STATES.slice(1)) {
      const change = transition(lifecycle, next);
      expect(change).toEqual({ ok: true, lifecycle: { state: next } });
      if (change.ok) lifecycle = change.lifecycle;
    }
    expect(lifecycle.state).toBe('closed');
    expect(allowedTransitions('closed')).toEqual([]);
  });

  it('lets an expected death skip the joint agency response', () => {
    expect(transition({ state: 'notified' }, 'information-gathering').ok).toBe(true);
  });

  it('refuses to skip the child death review meeting or go backwards', () => {
    expect(transition({ state: 'information-gathering' }, 'awaiting-cdop')).toEqual({
      ok: false,
      message: 'A case cannot move from "Information gathering" to "Awaiting CDOP review"',
    });
    expect(transition({ state: 'cdrm-held' }, 'awaiting-cdrm').ok).toBe(false);
  });
});

describe('pausing', () => {
  it('pauses with a listed reason, holds the state, and resumes', () => {
    const paused = pause({ state: 'awaiting-cdrm' }, { reason: 'post-mortem-awaited', since });
    expect(paused).toEqual({
      ok: true,
      lifecycle: { state: 'awaiting-cdrm', pause: { reason: 'post-mortem-awaited', since, text: undefined } },
    });
    if (!paused.ok) return;
    expect(transition(paused.lifecycle, 'cdrm-held')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/paused/),
    });
    expect(resume(paused.lifecycle)).toEqual({ ok: true, lifecycle: { state: 'awaiting-cdrm' } });
  });

  it('needs text when the reason is other, and refuses reasons off the list', () => {
    expect(pause({ state: 'awaiting-cdop' }, { reason: 'other', text: ' ', since }).ok).toBe(false);
    expect(
      pause({ state: 'awaiting-cdop' }, { reason: 'other', text: 'Family asked for time', since }),
    ).toMatchObject({
      ok: true,
      lifecycle: { pause: { reason: 'other', text: 'Family asked for time' } },
    });
    expect(pause({ state: 'awaiting-cdop' }, { reason: 'holiday' as 'inquest', since }).ok).toBe(false);
  });

  it('refuses to pause twice, to pause a closed case, or to resume one that is not paused', () => {
    const paused: CaseLifecycle = { state: 'awaiting-cdop', pause: { reason: 'inquest', since } };
    expect(pause(paused, { reason: 'family-proceedings', since }).ok).toBe(false);
    expect(pause({ state: 'closed' }, { reason: 'inquest', since }).ok).toBe(false);
    expect(resume({ state: 'awaiting-cdop' }).ok).toBe(false);
  });
});

describe('canClose', () => {
  const lifecycle: CaseLifecycle = { state: 'submitted-to-ncmd' };

  it('allows closure once the analysis is final and NCMD has the data', () => {
    expect(canClose({ lifecycle, analysisFinal: true, ncmdSubmitted: true })).toEqual({
      allowed: true,
      reasons: [],
    });
  });

  it('explains each thing still outstanding', () => {
    expect(canClose({ lifecycle, analysisFinal: false, ncmdSubmitted: false })).toEqual({
      allowed: false,
      reasons: [
        'The CDOP has not finalised the analysis form',
        'The case has not been submitted to the National Child Mortality Database',
      ],
    });
  });
});
