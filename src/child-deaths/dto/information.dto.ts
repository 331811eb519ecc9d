import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';
import {
  CRIMINAL_INVESTIGATION_STATUSES,
  INQUEST_STATUSES,
  POST_MORTEM_STATUSES,
} from '../entities/case-records';
import { SUPPLEMENTARY_FORM_CODES } from '../forms/reporting-forms';
import { PAUSE_REASONS } from '../rules/case-lifecycle';
import { ProfessionalDto } from './professional.dto';

export class FormRequestDto {
  @ApiProperty({ enum: ['reporting', 'supplementary'] })
  @IsIn(['reporting', 'supplementary'])
  kind!: 'reporting' | 'supplementary';

  @ApiPropertyOptional({ enum: SUPPLEMENTARY_FORM_CODES, description: 'Required for a supplementary form' })
  @IsOptional()
  @IsIn(SUPPLEMENTARY_FORM_CODES)
  supplementaryType?: string;

  @ApiProperty({
    type: ProfessionalDto,
    description: 'Who is asked: usually someone on the notification list',
  })
  @ValidateNested()
  @Type(() => ProfessionalDto)
  recipient!: ProfessionalDto;

  @ApiPropertyOptional({ description: 'The agency whose portal accounts may complete the form' })
  @IsOptional()
  @IsUUID()
  agencyOrganisationId?: string;

  @ApiPropertyOptional({
    description: 'Issue a single-use, expiring link to the form (default: when no agency account is named)',
  })
  @IsOptional()
  @IsBoolean()
  sendLink?: boolean;
}

export class RequestFormsDto {
  @ApiProperty({ type: [FormRequestDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FormRequestDto)
  requests!: FormRequestDto[];

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ChaseDto {
  @ApiProperty({ type: [String], description: 'The requests to chase' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  requestIds!: string[];

  @ApiPropertyOptional({ description: 'Issue a new link (the old one stops working)' })
  @IsOptional()
  @IsBoolean()
  reissueLinks?: boolean;
}

export class ReturnFormDto {
  @ApiProperty({ description: 'The answers, keyed by the questions of the form version asked' })
  @IsObject()
  answers!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The version of the request you read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class LinkReturnDto extends ReturnFormDto {
  @ApiProperty({ description: 'The token of the single-use link' })
  @IsString()
  @Length(20, 100)
  token!: string;
}

export class LinkQuery {
  @ApiProperty({ description: 'The token of the single-use link' })
  @IsString()
  @Length(20, 100)
  token!: string;
}

export class PostMortemDto {
  @ApiProperty({ enum: POST_MORTEM_STATUSES }) @IsIn(POST_MORTEM_STATUSES) status!: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() reportReceivedOn?: string;
}

export class CoronerDto {
  @ApiProperty() @IsBoolean() involved!: boolean;
  @ApiProperty({ enum: INQUEST_STATUSES }) @IsIn(INQUEST_STATUSES) inquest!: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() inquestConcludedOn?: string;
}

export class CriminalInvestigationDto {
  @ApiProperty({ enum: CRIMINAL_INVESTIGATION_STATUSES })
  @IsIn(CRIMINAL_INVESTIGATION_STATUSES)
  status!: string;
}

export class InvestigationsDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ type: PostMortemDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostMortemDto)
  postMortem?: PostMortemDto;

  @ApiPropertyOptional({ type: CoronerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoronerDto)
  coroner?: CoronerDto;

  @ApiPropertyOptional({ type: CriminalInvestigationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CriminalInvestigationDto)
  criminalInvestigation?: CriminalInvestigationDto;

  @ApiPropertyOptional({
    description: 'Pause the CDRM and CDOP review clocks for the proceedings now recorded as running',
  })
  @IsOptional()
  @IsBoolean()
  pause?: boolean;
}

export class AbuseOrNeglectDto {
  @ApiProperty({ description: 'What was found; shared with the local authority in the notification draft' })
  @IsString()
  @Length(1, 5000)
  summary!: string;

  @ApiPropertyOptional({ description: 'The local authority to refer to; defaults to where the child lived' })
  @IsOptional()
  @IsUUID()
  localAuthorityId?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class LookedAfterReferralDto {
  @ApiProperty({ description: 'The local authority that looked after the child' })
  @IsUUID()
  localAuthorityId!: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class PauseDto {
  @ApiProperty({ enum: PAUSE_REASONS }) @IsIn(PAUSE_REASONS) reason!: string;
  @ApiPropertyOptional({ description: 'Required when the reason is "other"' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  text?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}
