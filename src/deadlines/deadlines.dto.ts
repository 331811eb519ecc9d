import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../calendar/is-iso-date.validator';

export const DEADLINE_STATUSES = [
  'pending',
  'met',
  'met-late',
  'overdue',
  'paused',
  'not-applicable',
] as const;

export class DeadlinesQuery {
  @ApiPropertyOptional({ enum: DEADLINE_STATUSES })
  @IsOptional()
  @IsIn(DEADLINE_STATUSES, { message: `status must be one of: ${DEADLINE_STATUSES.join(', ')}` })
  status?: (typeof DEADLINE_STATUSES)[number];

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Only deadlines due before this date' })
  @IsOptional()
  @IsIsoDate()
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Only deadlines of cases of this organisation' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an organisation id (UUID)' })
  organisationId?: string;
}

export class ClockDefaultChangeDto {
  @ApiProperty({ example: 'CDR-CDOP-REVIEW' })
  @IsString()
  ruleId!: string;

  @ApiProperty({ example: 9, description: "In the rule's own unit (working days, hours, months…)" })
  @IsInt()
  @Min(1)
  @Max(1000)
  amount!: number;
}

export class ChangeClockDefaultsDto {
  @ApiProperty({ type: [ClockDefaultChangeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ClockDefaultChangeDto)
  defaults!: ClockDefaultChangeDto[];
}
