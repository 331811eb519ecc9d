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
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';
import { PANEL_NATIONAL_REVIEW_DECISIONS, PanelNationalReviewDecision } from '../rapid-review.entity';
import { LCSPR_CRITERIA, SAFEGUARDING_PARTNERS, SafeguardingPartner } from '../rules/lcspr';

const LONG = 20000;
const CRITERIA_IDS = LCSPR_CRITERIA.map((c) => c.id);

export class AgencyInvolvementDto {
  @ApiProperty({ example: 'Health visiting' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  agency!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(LONG)
  summary!: string;
}

export class SafetyActionDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  action!: string;

  @ApiProperty({ description: 'Who owns the action' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  owner!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;
}

export class FamilyInformedDto {
  @ApiProperty()
  @IsIsoDate()
  on!: string;

  @ApiProperty({ example: 'Home visit by the allocated social worker and a police family liaison officer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  how!: string;
}

/** Saves the sections sent; sections not sent keep what was saved before (null clears one). */
export class SaveRapidReviewDto {
  @ApiPropertyOptional({ description: 'The version of the rapid review you read' })
  @IsOptional()
  @IsInt()
  version?: number;

  @ApiPropertyOptional({ description: 'Section 1: the facts as far as readily established' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  facts?: string | null;

  @ApiPropertyOptional({ type: [AgencyInvolvementDto], description: "Section 1: each agency's involvement" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgencyInvolvementDto)
  agencyInvolvement?: AgencyInvolvementDto[];

  @ApiPropertyOptional({
    type: [SafetyActionDto],
    description: 'Section 2: an empty list records that none were needed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SafetyActionDto)
  immediateSafetyActions?: SafetyActionDto[] | null;

  @ApiPropertyOptional({ description: 'Section 3' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  learning?: string | null;

  @ApiPropertyOptional({ description: 'Section 4' })
  @IsOptional()
  @IsBoolean({ message: 'lcsprRecommended must be true or false' })
  lcsprRecommended?: boolean | null;

  @ApiPropertyOptional({
    enum: CRITERIA_IDS,
    isArray: true,
    description: 'The LCSPR criteria (WT 395) the recommendation rests on',
  })
  @IsOptional()
  @IsArray()
  @IsIn(CRITERIA_IDS, { each: true, message: `lcsprCriteria must be from: ${CRITERIA_IDS.join(', ')}` })
  lcsprCriteria?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  lcsprRationale?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'nationalReviewMayBeAppropriate must be true or false' })
  nationalReviewMayBeAppropriate?: boolean | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  nationalReviewRationale?: string | null;

  @ApiPropertyOptional({
    type: FamilyInformedDto,
    description: 'Section 5: how and when the family was told',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FamilyInformedDto)
  familyInformed?: FamilyInformedDto | null;
}

export class RapidReviewSignOffDto {
  @ApiProperty({ enum: SAFEGUARDING_PARTNERS })
  @IsIn(SAFEGUARDING_PARTNERS, { message: `partner must be one of: ${SAFEGUARDING_PARTNERS.join(', ')}` })
  partner!: SafeguardingPartner;

  @ApiPropertyOptional({ description: 'Who agreed, when a partnership manager records it for the partner' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agreedByName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  signedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}

export class SubmitRapidReviewDto {
  @ApiPropertyOptional({ description: 'Defaults to today in London' })
  @IsOptional()
  @IsIsoDate()
  submittedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}

export class RequestContributionDto {
  @ApiProperty({ example: 'GP practice' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  agency!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an organisation id (UUID)' })
  organisationId?: string;

  @ApiProperty()
  @IsIsoDate()
  requestedOn!: string;

  @ApiProperty()
  @IsIsoDate()
  dueOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ContributionReceivedDto {
  @ApiProperty()
  @IsIsoDate()
  receivedOn!: string;

  @ApiProperty({ description: "The agency's involvement, added to section 1" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG)
  summary!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}

export class PanelReplyDto {
  @ApiProperty()
  @IsIsoDate()
  receivedOn!: string;

  @ApiProperty({ enum: PANEL_NATIONAL_REVIEW_DECISIONS })
  @IsIn(PANEL_NATIONAL_REVIEW_DECISIONS, {
    message: `nationalReviewDecision must be one of: ${PANEL_NATIONAL_REVIEW_DECISIONS.join(', ')}`,
  })
  nationalReviewDecision!: PanelNationalReviewDecision;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  summary?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}
