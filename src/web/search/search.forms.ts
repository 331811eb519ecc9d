import { Transform } from 'class-transformer';
import { IsNotEmpty, MaxLength, MinLength } from 'class-validator';

export class SearchForm {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty({ message: 'Enter a case reference, NHS number or name' })
  @MinLength(2, { message: 'Search must be 2 characters or more' })
  @MaxLength(100, { message: 'Search must be 100 characters or fewer' })
  q!: string;
}
