import 'reflect-metadata';
import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsNotEmpty, IsOptional, Max, ValidateNested } from 'class-validator';
import { errorsFromService, fieldId, formErrors, validateForm } from './form';

class Child {
  @IsNotEmpty({ message: 'Enter the child’s family name' })
  familyName!: string;
}

class Sample {
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.com' })
  email!: string;

  @Type(() => Number)
  @IsInt()
  @Max(10)
  primaryCategory!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => Child)
  child?: Child;
}

describe('validateForm', () => {
  it('returns the typed value when the answers are valid', async () => {
    const outcome = await validateForm(Sample, { email: 'a@example.org', primaryCategory: '3', button: 'x' });
    expect(outcome).toEqual({ valid: true, value: expect.any(Sample) });
    if (outcome.valid) {
      expect(outcome.value.primaryCategory).toBe(3);
      expect(outcome.value).not.toHaveProperty('button');
    }
  });

  it('names each failing field once, links the summary to its input, and keeps what was typed', async () => {
    const typed = { email: 'not-an-email', primaryCategory: '11', child: { familyName: '' } };
    const outcome = await validateForm(Sample, typed, { labels: { primaryCategory: 'Primary category' } });
    expect(outcome.valid).toBe(false);
    if (outcome.valid) return;
    expect(outcome.errors.list).toEqual([
      { text: 'Enter an email address in the correct format, like name@example.com', href: '#email' },
      { text: 'Primary category must not be greater than 10', href: '#primaryCategory' },
      { text: 'Enter the child’s family name', href: '#child-familyName' },
    ]);
    expect(outcome.errors.byField['child.familyName']).toEqual({ text: 'Enter the child’s family name' });
    expect(outcome.values).toEqual(typed);
  });

  it('reports the first rule a field breaks, in the order the DTO lists them', async () => {
    class Contact {
      @IsNotEmpty({ message: 'Enter an email address' })
      @IsEmail({}, { message: 'Enter an email address in the correct format' })
      email!: string;
    }
    const outcome = await validateForm(Contact, { email: '' });
    expect(outcome.valid ? [] : outcome.errors.list.map((e) => e.text)).toEqual(['Enter an email address']);
  });

  it('links a date field to the box the anchor names', () => {
    const errors = formErrors([{ field: 'dateOfDeath', text: 'Enter the date of death' }], {
      anchors: { dateOfDeath: 'dateOfDeath-day' },
    });
    expect(errors.list).toEqual([{ text: 'Enter the date of death', href: '#dateOfDeath-day' }]);
  });

  it('turns a nested or indexed field into the id used in the templates', () => {
    expect(fieldId('actions[2].owner')).toBe('actions-2-owner');
    expect(fieldId('email')).toBe('email');
  });
});

describe('errorsFromService', () => {
  it('puts each refusal on the field it names, in the words of the label', () => {
    const error = new BadRequestException([
      'newPassword must be at least 12 characters',
      'organisationIds: 42 is not a known organisation',
    ]);
    const errors = errorsFromService(
      error,
      { newPassword: 'New password', organisationIds: 'Organisations' },
      'newPassword',
    );
    expect(errors.list).toEqual([
      { text: 'New password must be at least 12 characters', href: '#newPassword' },
      { text: 'Organisations 42 is not a known organisation', href: '#organisationIds' },
    ]);
  });

  it('puts a refusal naming no field on the fallback field', () => {
    const errors = errorsFromService(
      new ConflictException('A user with this email address already exists'),
      { email: 'Email' },
      'email',
    );
    expect(errors.byField.email).toEqual({ text: 'A user with this email address already exists' });
  });

  it('throws on anything the user cannot fix by changing the form', () => {
    expect(() => errorsFromService(new NotFoundException('gone'), {}, 'x')).toThrow('gone');
    expect(() => errorsFromService(new Error('db down'), {}, 'x')).toThrow('db down');
  });
});
