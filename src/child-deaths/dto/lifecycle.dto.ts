import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';

export class NcmdSubmissionDto {
  @ApiProperty({ example: '2026-06-12', description: 'When the analysis data went to the NCMD' })
  @IsIsoDate()
  submittedOn!: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ReviewingCdopDto {
  @ApiProperty({
    description: 'The CDOP that will review the death, by agreement of the designated doctors (WT 440)',
  })
  @IsUUID()
  cdopId!: string;

  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class MergeDto {
  @ApiProperty({ description: 'The case that notified the same death again; it is merged into this one' })
  @IsUUID()
  duplicateCaseId!: string;

  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class SplitDto {
  @ApiProperty({ type: [String], description: 'Notifications that are of a different death' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  notificationIds!: string[];

  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}
