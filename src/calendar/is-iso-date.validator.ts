import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate } from './iso-date';

/** A real calendar date written YYYY-MM-DD (so 2026-02-30 is refused, unlike a pattern check). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: (args) => `${args?.property} must be a real date written YYYY-MM-DD`,
      },
    },
    options,
  );
}
