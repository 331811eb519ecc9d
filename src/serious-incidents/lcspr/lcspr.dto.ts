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
  IsUrl,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';
import { REVIEWER_QUALITIES, ReviewerQualityId } from '../lcspr.entity';
import { LCSPR_CRITERIA } from '../rules/lcspr';

const LONG = 20000;
const CRITERIA_IDS = LCSPR_CRITERIA.map((c) => c.id);
const QUALITY_IDS = REVIEWER_QUALITIES.map((q) => q.id);

class Versioned {
  @ApiPropertyOptional({ description: 'The version of the LCSPR record you read' })
  @IsOptional()
  @IsInt()
  version?: number;
}

/** The contract's body: the decision, its date, rationale and criteria (WT 395). */
export class LcsprDecisionDto extends Versioned {
  @ApiProperty({ enum: ['lcspr', 'no-lcspr'] })
  @IsIn(['lcspr', 'no-lcspr'], { message: 'decision must be lcspr or no-lcspr' })
  decision!: 'lcspr' | 'no-lcspr';

  @ApiProperty({ example: '2026-04-02' })
  @IsIsoDate()
  decidedOn!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'rationale must give the reasons for the decision' })
  @MaxLength(LONG)
  rationale!: string;

  @ApiProperty({ enum: CRITERIA_IDS, isArray: true })
  @IsArray()
  @IsIn(CRITERIA_IDS, { each: true, message: `criteria must be from: ${CRITERIA_IDS.join(', ')}` })
  criteria!: string[];

  @ApiPropertyOptional({ description: 'The reviewer to be commissioned, when known' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reviewerName?: string;

  @ApiPropertyOptional({ description: 'When the decision was communicated to the family' })
  @IsOptional()
  @IsIsoDate()
  familyToldOn?: string;
}

export class LcsprInformedDto extends Versioned {
  @ApiProperty({ description: 'When the Panel, Ofsted and the DfE were told' })
  @IsIsoDate()
  informedOn!: string;

  @ApiProperty({ description: 'The commissioned reviewer named to them' })
  @IsString()
  @IsNotEmpty({ message: 'reviewerName must name the commissioned reviewer' })
  @MaxLength(200)
  reviewerName!: string;
}

export class QualityAssessmentDto {
  @ApiProperty({ enum: QUALITY_IDS })
  @IsIn(QUALITY_IDS, { message: `quality must be one of: ${QUALITY_IDS.join(', ')}` })
  quality!: ReviewerQualityId;

  @ApiProperty()
  @IsBoolean()
  met!: boolean;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'evidence must say what the assessment rests on' })
  @MaxLength(4000)
  evidence!: string;
}

export class CommissionReviewerDto extends Versioned {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reviewerName!: string;

  @ApiPropertyOptional({ description: "The reviewer's portal account (role reviewer)" })
  @IsOptional()
  @IsUUID('all', { message: 'reviewerUserId must be a user id (UUID)' })
  reviewerUserId?: string;

  @ApiProperty()
  @IsIsoDate()
  commissionedOn!: string;

  @ApiProperty({ type: [QualityAssessmentDto], description: 'Each quality in WT 397, assessed' })
  @IsArray()
  @ArrayMaxSize(QUALITY_IDS.length)
  @ValidateNested({ each: true })
  @Type(() => QualityAssessmentDto)
  assessment!: QualityAssessmentDto[];
}

export class DeclarationDto extends Versioned {
  @ApiProperty({ description: 'Whether the reviewer has any real or perceived conflict of interest' })
  @IsBoolean({ message: 'hasConflict must be true or false' })
  hasConflict!: boolean;

  @ApiProperty({ description: 'The declaration in the reviewer’s words' })
  @IsString()
  @IsNotEmpty({ message: 'details must state the declaration' })
  @MaxLength(4000)
  details!: string;
}

export class ConflictDecisionDto extends Versioned {
  @ApiProperty({ description: 'Whether the partners accept the reviewer despite the declared conflict' })
  @IsBoolean()
  accepted!: boolean;

  @ApiProperty({ description: 'How the conflict is managed, or why it rules the reviewer out' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  how!: string;

  @ApiProperty()
  @IsIsoDate()
  decidedOn!: string;
}

export class TermsOfReferenceDto extends Versioned {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG)
  termsOfReference!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  agreedOn?: string;
}

export class SupervisionRequestDto extends Versioned {
  @ApiProperty()
  @IsIsoDate()
  requestedOn!: string;

  @ApiProperty({ description: 'Who in the partnership made the written request' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  requestedBy!: string;

  @ApiProperty({ description: 'The request as written to the reviewer (WT 401)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG)
  request!: string;
}

export class SupervisionResponseDto extends Versioned {
  @ApiProperty()
  @IsIsoDate()
  respondedOn!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG)
  response!: string;
}

export class InvolvementDto extends Versioned {
  @ApiProperty({ enum: ['practitioner', 'family'] })
  @IsIn(['practitioner', 'family'], { message: 'kind must be practitioner or family' })
  kind!: 'practitioner' | 'family';

  @ApiProperty({ description: 'Role or relationship, e.g. "Health visitor" or "Mother"' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  who!: string;

  @ApiProperty()
  @IsIsoDate()
  invitedOn!: string;

  @ApiProperty({ example: 'Met the reviewer on 12 May' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  outcome!: string;

  @ApiPropertyOptional({ description: 'How the family’s expectations were explained and managed' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  expectationsNotes?: string;
}

/** The contract's publication body, with the dates the report went out and where it was published. */
export class PublicationDto extends Versioned {
  @ApiProperty({ example: '2026-09-15' })
  @IsIsoDate()
  plannedPublicationDate!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  publishedOn?: string;

  @ApiProperty({ description: 'False when only the improvements information is published (WT 404)' })
  @IsBoolean({ message: 'publishFullReport must be true or false' })
  publishFullReport!: boolean;

  @ApiPropertyOptional({ description: 'Why publication is later than 6 months after the decision (WT 408)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  delayReason?: string;

  @ApiPropertyOptional({ description: 'When the delay reasons went to the Panel and the Secretary of State' })
  @IsOptional()
  @IsIsoDate()
  delayReasonSentOn?: string;

  @ApiPropertyOptional({ type: [String], description: 'Reviewers named in the published report' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  reviewerNames?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  sentToPanelOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  sentToSecretaryOfStateOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  sentToOfstedOn?: string;

  @ApiPropertyOptional({ example: 'https://example-partnership.org.uk/reviews/child-a' })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'publicationUrl must be an http(s) URL' },
  )
  @MaxLength(1000)
  publicationUrl?: string;
}

export class AvailabilityConfirmedDto extends Versioned {
  @ApiProperty({ description: 'When the partnership confirmed the report is still publicly available' })
  @IsIsoDate()
  confirmedOn!: string;
}
