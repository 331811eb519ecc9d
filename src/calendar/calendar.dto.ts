import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './bank-holidays';
import { IsIsoDate } from './is-iso-date.validator';

// Query strings arrive as text; only a plain whole number becomes a number, anything else fails IsInt.
const wholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d{1,6}$/.test(value) ? Number(value) : value;

export class BankHolidaysQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Defaults to the current year in London' })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'year must be a whole number such as 2026' })
  @Min(FIRST_SUPPORTED_YEAR)
  @Max(LAST_SUPPORTED_YEAR)
  year?: number;
}

export class WorkingDaysQuery {
  @ApiProperty({ example: '2026-05-22' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ example: 5, description: 'Working days to add; negative counts backwards' })
  @Transform(wholeNumber)
  @IsInt({ message: 'add must be a whole number of working days (negative to count backwards)' })
  @Min(-10000)
  @Max(10000)
  add!: number;
}

export class AddBankHolidayDto {
  @ApiProperty({ example: '2027-06-07', description: 'The new bank holiday' })
  @IsIsoDate()
  date!: string;

  @ApiProperty({ example: 'Extra bank holiday' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ description: 'The bank holiday this one moves, when it is a move' })
  @IsOptional()
  @IsIsoDate()
  replaces?: string;
}
