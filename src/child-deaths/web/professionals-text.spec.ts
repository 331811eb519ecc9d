import { parseProfessionals, professionalsText } from './professionals-text';

describe('parseProfessionals', () => {
  it('reads name, role, organisation and an optional email address, one person per line', () => {
    expect(
      parseProfessionals(
        'Dr Sam Patel, Consultant, Northshire Hospitals, sam@nhs.example\n\nLucy Hart, Health visitor, Community Health',
      ),
    ).toEqual({
      people: [
        {
          name: 'Dr Sam Patel',
          role: 'Consultant',
          organisation: 'Northshire Hospitals',
          email: 'sam@nhs.example',
        },
        { name: 'Lucy Hart', role: 'Health visitor', organisation: 'Community Health' },
      ],
    });
  });

  it('keeps commas inside the organisation name', () => {
    expect(parseProfessionals('Ann Fry, Headteacher, Mill Lane School, Northtown')).toEqual({
      people: [{ name: 'Ann Fry', role: 'Headteacher', organisation: 'Mill Lane School, Northtown' }],
    });
  });

  it('names the line it cannot read', () => {
    expect(parseProfessionals('Dr Sam Patel, Consultant, Trust\nLucy Hart')).toEqual({
      error: expect.stringContaining('Line 2'),
    });
  });

  it('writes the list back as it reads it', () => {
    const text = 'Dr Sam Patel, Consultant, Trust, sam@nhs.example';
    const parsed = parseProfessionals(text);
    expect('people' in parsed && professionalsText(parsed.people)).toBe(text);
  });
});
