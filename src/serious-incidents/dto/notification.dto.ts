import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';
import {
  ABUSE_OR_NEGLECT,
  AbuseOrNeglect,
  INCIDENT_LOCATIONS,
  INCIDENT_TYPES,
  IncidentLocation,
  IncidentType,
} from '../rules/incident';
import { IncidentChildDto } from './child.dto';

export const ABUSE_CATEGORIES = ['physical', 'emotional', 'sexual', 'neglect'] as const;
export const CONTEXT_FACTORS = ['online', 'extra-familial', 'institutional', 'child-exploitation'] as const;
export const POLICE_INVESTIGATION = ['none', 'ongoing', 'concluded', 'not-known'] as const;

// Checked when "other" is chosen, and whenever a rationale is sent, so a bad value is never let through.
const needsRationale = (o: { type?: string; otherRationale?: unknown }) =>
  o.type === 'other' || (o.otherRationale !== undefined && o.otherRationale !== null);

/** The answers of a notification that may be changed while it is worked on. */
class NotificationFieldsDto {
  @ApiPropertyOptional({ example: '2026-03-02' })
  @IsOptional()
  @IsIsoDate()
  incidentDate?: string | null;

  @ApiPropertyOptional({ description: 'Required when type is "other" (WT 375)' })
  @ValidateIf(needsRationale)
  @IsString({ message: 'otherRationale is required when type is "other"' })
  @IsNotEmpty({ message: 'otherRationale is required when type is "other"' })
  @MaxLength(4000)
  otherRationale?: string | null;

  @ApiPropertyOptional({ enum: ABUSE_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(ABUSE_CATEGORIES, {
    each: true,
    message: `abuseCategories must be from: ${ABUSE_CATEGORIES.join(', ')}`,
  })
  abuseCategories?: string[];

  @ApiPropertyOptional({ enum: CONTEXT_FACTORS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(CONTEXT_FACTORS, {
    each: true,
    message: `contextFactors must be from: ${CONTEXT_FACTORS.join(', ')}`,
  })
  contextFactors?: string[];

  @ApiPropertyOptional({ example: 'parent' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  perpetratorRelationship?: string | null;

  @ApiPropertyOptional({ enum: POLICE_INVESTIGATION })
  @IsOptional()
  @IsIn(POLICE_INVESTIGATION, {
    message: `policeInvestigation must be one of: ${POLICE_INVESTIGATION.join(', ')}`,
  })
  policeInvestigation?: string | null;

  @ApiPropertyOptional({ description: 'Other children may be at risk (WT 376)' })
  @IsOptional()
  @IsBoolean({ message: 'widerRisk must be true or false' })
  widerRisk?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  widerRiskDetails?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Other local authorities involved (WT 388)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'involvedLocalAuthorityIds must contain organisation ids (UUIDs)' })
  involvedLocalAuthorityIds?: string[];

  @ApiPropertyOptional({ description: 'The lead area; the notifying area unless partners agree otherwise' })
  @IsOptional()
  @IsUUID('all', { message: 'leadLocalAuthorityId must be an organisation id (UUID)' })
  leadLocalAuthorityId?: string;

  @ApiPropertyOptional({
    description: 'When the Panel was consulted about an adult harmed in childhood (WT 377)',
  })
  @IsOptional()
  @IsIsoDate()
  panelConsultedOn?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  panelConsultationNotes?: string | null;
}

export class CreateNotificationDto extends NotificationFieldsDto {
  @ApiProperty({ description: 'The notifying local authority' })
  @IsUUID('all', { message: 'localAuthorityId must be an organisation id (UUID)' })
  localAuthorityId!: string;

  @ApiProperty({ example: '2026-03-03' })
  @IsIsoDate()
  becameAwareOn!: string;

  @ApiProperty({ enum: INCIDENT_TYPES })
  @IsIn(INCIDENT_TYPES, { message: `type must be one of: ${INCIDENT_TYPES.join(', ')}` })
  type!: IncidentType;

  @ApiProperty({ enum: ABUSE_OR_NEGLECT })
  @IsIn(ABUSE_OR_NEGLECT, { message: `abuseOrNeglect must be one of: ${ABUSE_OR_NEGLECT.join(', ')}` })
  abuseOrNeglect!: AbuseOrNeglect;

  @ApiProperty({ enum: INCIDENT_LOCATIONS })
  @IsIn(INCIDENT_LOCATIONS, { message: `location must be one of: ${INCIDENT_LOCATIONS.join(', ')}` })
  location!: IncidentLocation;

  @ApiProperty()
  @IsString({ message: 'summary must be text' })
  @MaxLength(20000)
  summary!: string;

  @ApiPropertyOptional({ type: [IncidentChildDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IncidentChildDto)
  children?: IncidentChildDto[];
}

/** A change to the notification; only the fields sent change. */
export class UpdateNotificationDto extends NotificationFieldsDto {
  @ApiProperty({ description: 'The version you read' })
  @IsInt()
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  becameAwareOn?: string;

  @ApiPropertyOptional({ enum: INCIDENT_TYPES })
  @IsOptional()
  @IsIn(INCIDENT_TYPES, { message: `type must be one of: ${INCIDENT_TYPES.join(', ')}` })
  type?: IncidentType;

  @ApiPropertyOptional({ enum: ABUSE_OR_NEGLECT })
  @IsOptional()
  @IsIn(ABUSE_OR_NEGLECT, { message: `abuseOrNeglect must be one of: ${ABUSE_OR_NEGLECT.join(', ')}` })
  abuseOrNeglect?: AbuseOrNeglect;

  @ApiPropertyOptional({ enum: INCIDENT_LOCATIONS })
  @IsOptional()
  @IsIn(INCIDENT_LOCATIONS, { message: `location must be one of: ${INCIDENT_LOCATIONS.join(', ')}` })
  location?: IncidentLocation;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string;
}

export class SignOffDto {
  @ApiPropertyOptional({ description: 'The version you read' })
  @IsOptional()
  @IsInt()
  version?: number;
}

export class SubmitNotificationDto {
  @ApiPropertyOptional({ description: 'Defaults to today in London' })
  @IsOptional()
  @IsIsoDate()
  submittedOn?: string;

  @ApiPropertyOptional({ description: 'The reference the national notification service gave' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nationalReference?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}

export class PartnersInformedDto {
  @ApiProperty({ description: 'When the safeguarding partners (and other areas involved) were told' })
  @IsIsoDate()
  informedOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}

export class PartnerViewDto {
  @ApiProperty({ description: 'Whether this partner considers the s16C(1) criteria met' })
  @IsBoolean({ message: 'criteriaMet must be true or false' })
  criteriaMet!: boolean;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'reason must say why' })
  @MaxLength(4000)
  reason!: string;

  @ApiPropertyOptional({ description: 'Who in the partner agreed, when a partnership manager records it' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agreedByName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}

export class CriteriaResolutionDto {
  @ApiProperty()
  @IsBoolean({ message: 'criteriaMet must be true or false' })
  criteriaMet!: boolean;

  @ApiProperty({ description: 'How the disagreement was resolved under local dispute resolution' })
  @IsString()
  @IsNotEmpty({ message: 'how must describe the resolution' })
  @MaxLength(4000)
  how!: string;

  @ApiProperty()
  @IsIsoDate()
  resolvedOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}

export class LocalLearningReviewDto {
  @ApiProperty()
  @IsIsoDate()
  decidedOn!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'rationale must say why a local learning review is held' })
  @MaxLength(4000)
  rationale!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListIncidentsQuery {
  @ApiPropertyOptional({ enum: ['draft', 'signed-off', 'submitted'] })
  @IsOptional()
  @IsIn(['draft', 'signed-off', 'submitted'], { message: 'status must be draft, signed-off or submitted' })
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'localAuthorityId must be an organisation id (UUID)' })
  localAuthorityId?: string;
}
