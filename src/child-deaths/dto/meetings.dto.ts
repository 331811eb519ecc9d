import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';
import { IsInstant } from './is-instant.validator';
import { ProfessionalDto } from './professional.dto';

export class ScheduleMeetingDto {
  @ApiProperty({ example: '2026-04-20T09:30:00+01:00' })
  @IsInstant()
  scheduledFor!: string;

  @ApiProperty({ type: [ProfessionalDto], description: 'Drawn from the professionals who knew the child' })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => ProfessionalDto)
  attendees!: ProfessionalDto[];

  @ApiPropertyOptional({ example: 'Room 2, Civic Centre' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  location?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class MeetingHeldDto {
  @ApiProperty({ example: '2026-04-20' })
  @IsIsoDate()
  heldOn!: string;

  @ApiProperty({ type: [String], description: 'Who attended' })
  @IsArray()
  @ArrayMaxSize(60)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  attended!: string[];

  @ApiPropertyOptional({ description: 'Discussion notes' })
  @IsOptional()
  @IsString()
  @Length(1, 50000)
  notes?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}
