import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';
import { POLICE_INVESTIGATION_STATUSES } from '../entities/case-records';
import { IsInstant } from './is-instant.validator';
import { ProfessionalDto } from './professional.dto';

export class VersionDto {
  @ApiPropertyOptional({
    description: 'The version of the case you read; a stale version is refused with 409',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class JarDecisionDto {
  @ApiProperty({ description: 'Whether a joint agency response is required' })
  @IsBoolean()
  required!: boolean;

  @ApiPropertyOptional({
    description: 'Required when the decision overrides the evaluation of the WT 449 criteria',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class InformationSharingDto {
  @ApiProperty({ description: 'When the initial information-sharing and planning discussion took place' })
  @IsInstant()
  heldAt!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) notes?: string;
}

export class HomeVisitDto {
  @ApiPropertyOptional({ description: 'When the home or scene visit took place' })
  @IsOptional()
  @IsInstant()
  visitedAt?: string;

  @ApiPropertyOptional({ description: 'Why no visit was made, when none was' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notDoneReason?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) notes?: string;
}

export class Section47Dto {
  @ApiProperty({ description: 'Whether a section 47 enquiry or strategy discussion is relevant' })
  @IsBoolean()
  relevant!: boolean;

  @ApiPropertyOptional() @IsOptional() @IsIsoDate() strategyDiscussionOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) outcome?: string;
}

export class JarRecordDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;

  @ApiProperty({ type: [ProfessionalDto], description: 'The JAR professionals' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ProfessionalDto)
  professionals!: ProfessionalDto[];

  @ApiPropertyOptional({ type: InformationSharingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InformationSharingDto)
  informationSharing?: InformationSharingDto;

  @ApiPropertyOptional({ type: HomeVisitDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HomeVisitDto)
  homeVisit?: HomeVisitDto;

  @ApiPropertyOptional({ enum: POLICE_INVESTIGATION_STATUSES })
  @IsOptional()
  @IsIn(POLICE_INVESTIGATION_STATUSES)
  policeInvestigationStatus?: string;

  @ApiPropertyOptional({ type: Section47Dto })
  @IsOptional()
  @ValidateNested()
  @Type(() => Section47Dto)
  section47?: Section47Dto;
}

export class KeyWorkerDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty() @IsString() @Length(1, 200) role!: string;
  @ApiProperty() @IsString() @Length(1, 200) organisation!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(3, 200) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(3, 40) phone?: string;
}

export const CONTACT_METHODS = ['in-person', 'phone', 'video', 'letter', 'email'] as const;

export class FamilyContactDto {
  @ApiProperty({ example: '2026-03-03' }) @IsIsoDate() contactedOn!: string;
  @ApiProperty({ enum: CONTACT_METHODS }) @IsIn(CONTACT_METHODS) method!: string;
  @ApiProperty({ description: 'Who made the contact' }) @IsString() @Length(1, 200) contactBy!: string;

  @ApiProperty({ description: 'Whether the "When a child dies" guide was offered' })
  @IsBoolean()
  guideOffered!: boolean;

  @ApiPropertyOptional({ type: [String], description: "The family's questions for the review meeting" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  questionsForCdrm?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) notes?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class DesignatedDoctorInformedDto {
  @ApiPropertyOptional({ description: 'When the designated doctor was told; defaults to now' })
  @IsOptional()
  @IsInstant()
  informedAt?: string;

  @ApiProperty({ type: [String], description: 'Who was told' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  names!: string[];

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}
