import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CASE_STATES } from '../rules/case-lifecycle';

const wholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value;

export class CaseListQuery {
  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES)
  state?: (typeof CASE_STATES)[number];

  @ApiPropertyOptional({ description: 'A case reference, an NHS number or part of the child’s name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() cdopId?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class CdopQuery {
  @ApiPropertyOptional({ description: 'The CDOP' })
  @IsUUID()
  cdopId!: string;
}
