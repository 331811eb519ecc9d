import { redactor } from './redact';

const redact = redactor({
  caseId: '3f6c2a9e-8d41-4c7b-9a55-1e2f3d4c5b6a',
  givenName: 'Amelia-Rose',
  familyName: "O'Sullivan",
  dateOfBirth: '2014-03-07',
  nhsNumber: '9990001235',
  postcode: 'LS6 2AB',
  timeOfDeath: '03:40',
});

describe('redactor', () => {
  it('replaces the whole names and their parts, whatever the case or apostrophe', () => {
    expect(redact("Amelia-Rose O’Sullivan was seen; amelia and ROSE and Mrs o'sullivan")).toBe(
      '[name] [name] was seen; [name] and [name] and Mrs [name]',
    );
  });

  it('leaves words that only contain a name inside them', () => {
    expect(redact('Ameliaration, Roseanne, Rosewood')).toBe('Ameliaration, Roseanne, Rosewood');
    expect(redact('Amelia-Rosebud')).toBe('[name]-Rosebud');
  });

  it('replaces the date of birth written the usual ways', () => {
    const forms = [
      '2014-03-07',
      '2014/3/7',
      '07/03/2014',
      '7/3/2014',
      '07-03-14',
      '7.3.2014',
      '7 March 2014',
      '7th Mar 2014',
      '7th of March, 2014',
      'March 7, 2014',
      'mar 7th 2014',
    ];
    for (const form of forms) expect(redact(`born ${form}.`)).toBe('born [date of birth].');
  });

  it('leaves other dates alone', () => {
    expect(redact('seen 2014-03-17, 17/03/2014 and 7 May 2014')).toBe(
      'seen 2014-03-17, 17/03/2014 and 7 May 2014',
    );
  });

  it('replaces the NHS number, postcode, time of death and case id', () => {
    expect(redact('NHS 999 000 1235 / 999-000-1235 / 9990001235')).toBe(
      'NHS [nhs number] / [nhs number] / [nhs number]',
    );
    expect(redact('lived at ls6 2ab (LS62AB)')).toBe('lived at [postcode] ([postcode])');
    expect(redact('found at 03:40, or 3.40am, not 13:40')).toBe('found at [time], or [time]am, not 13:40');
    expect(redact('see case 3F6C2A9E-8D41-4C7B-9A55-1E2F3D4C5B6A')).toBe('see case [case]');
  });
});
