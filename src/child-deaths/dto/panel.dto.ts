import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';
import { PANEL_OUTCOMES } from '../entities/panel-meeting.entity';
import { ACTION_STATUSES } from '../entities/tracked-action.entity';

export class CreatePanelMeetingDto {
  @ApiProperty() @IsUUID() cdopId!: string;
  @ApiProperty({ example: '2026-06-09' }) @IsIsoDate() meetingOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) location?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Cases for the agenda; by default every case of the CDOP awaiting its review',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  caseIds?: string[];
}

export class AgendaCaseDto {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class PanelOutcomeDto {
  @ApiProperty() @IsUUID() caseId!: string;

  @ApiProperty({
    enum: PANEL_OUTCOMES,
    description: '"analysis-agreed" finalises the analysis form with the meeting date as the review date',
  })
  @IsIn(PANEL_OUTCOMES)
  outcome!: (typeof PANEL_OUTCOMES)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) notes?: string;
  @ApiPropertyOptional({ description: 'The analysis form version you read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ActionQueryDto {
  @ApiPropertyOptional({ enum: ACTION_STATUSES }) @IsOptional() @IsIn(ACTION_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;
}

export class UpdateActionDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: ACTION_STATUSES }) @IsIn(ACTION_STATUSES) status!: (typeof ACTION_STATUSES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @ApiPropertyOptional({ description: 'Defaults to today when completing' })
  @IsOptional()
  @IsIsoDate()
  completedOn?: string;
}
