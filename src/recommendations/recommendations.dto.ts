import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../calendar/is-iso-date.validator';
import { ACTION_STATUSES } from './action-status';
import { RAG_STATUSES, RagStatus } from './recommendation-action.entity';
import { RECOMMENDATION_SOURCES, RecommendationSource } from './recommendation.entity';

const themesOf = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((t) => (typeof t === 'string' ? t.trim().toLowerCase() : t)) : value;

export class NewActionDto {
  @ApiProperty({ example: 'Audit how missed health appointments are escalated' })
  @IsString()
  @IsNotEmpty({ message: 'description must say what is to be done' })
  @MaxLength(4000)
  description!: string;

  @ApiProperty({ example: 'ICB', description: 'The agency that owns the action' })
  @IsString()
  @IsNotEmpty({ message: 'ownerAgency must name the agency that owns the action' })
  @MaxLength(200)
  ownerAgency!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'ownerOrganisationId must be an organisation id (UUID)' })
  ownerOrganisationId?: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsIsoDate()
  dueDate!: string;

  @ApiPropertyOptional({ enum: RAG_STATUSES, default: 'green' })
  @IsOptional()
  @IsIn(RAG_STATUSES, { message: `rag must be one of: ${RAG_STATUSES.join(', ')}` })
  rag?: RagStatus;
}

export class CreateRecommendationDto {
  @ApiProperty({ enum: RECOMMENDATION_SOURCES })
  @IsIn(RECOMMENDATION_SOURCES, {
    message: `sourceType must be one of: ${RECOMMENDATION_SOURCES.join(', ')}`,
  })
  sourceType!: RecommendationSource;

  @ApiPropertyOptional({
    description: 'The serious incident (lcspr, rapid-review), national review, or child death case (cdop)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'sourceId must be a UUID' })
  sourceId?: string;

  @ApiPropertyOptional({ description: 'For a CDOP recommendation: the CDOP that made it' })
  @IsOptional()
  @IsUUID('all', { message: 'cdopId must be an organisation id (UUID)' })
  cdopId?: string;

  @ApiPropertyOptional({ description: 'For a national review: the partnership taking the local action' })
  @IsOptional()
  @IsUUID('all', { message: 'partnershipId must be an organisation id (UUID)' })
  partnershipId?: string;

  @ApiPropertyOptional({ description: 'For a CDOP recommendation: the case or review it came from' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sourceReference?: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'text must state the recommendation' })
  @MaxLength(4000)
  text!: string;

  @ApiPropertyOptional({ type: [String], example: ['neglect', 'information-sharing'] })
  @IsOptional()
  @Transform(themesOf)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  themes?: string[];

  @ApiProperty()
  @IsIsoDate()
  madeOn!: string;

  @ApiPropertyOptional({ type: [NewActionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => NewActionDto)
  actions?: NewActionDto[];
}

export class UpdateActionDto {
  @ApiProperty()
  @IsInt()
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ownerAgency?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional({ enum: RAG_STATUSES })
  @IsOptional()
  @IsIn(RAG_STATUSES, { message: `rag must be one of: ${RAG_STATUSES.join(', ')}` })
  rag?: RagStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  evidenceOfImpact?: string;
}

export class ProgressUpdateDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;

  @ApiProperty()
  @IsIsoDate()
  on!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'note must describe the progress' })
  @MaxLength(4000)
  note!: string;

  @ApiProperty({ enum: RAG_STATUSES })
  @IsIn(RAG_STATUSES, { message: `rag must be one of: ${RAG_STATUSES.join(', ')}` })
  rag!: RagStatus;
}

export class CompleteActionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;

  @ApiProperty()
  @IsIsoDate()
  completedOn!: string;

  @ApiProperty({ description: 'What difference the action made (WT 410)' })
  @IsString()
  @IsNotEmpty({ message: 'evidenceOfImpact must describe the difference the action made' })
  @MaxLength(4000)
  evidenceOfImpact!: string;
}

export class RecommendationQuery {
  @ApiPropertyOptional({ description: 'Owner agency (actions)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agency?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  theme?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES, { message: `status must be one of: ${ACTION_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATION_SOURCES })
  @IsOptional()
  @IsIn(RECOMMENDATION_SOURCES, {
    message: `sourceType must be one of: ${RECOMMENDATION_SOURCES.join(', ')}`,
  })
  sourceType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'sourceId must be a UUID' })
  sourceId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'partnershipId must be an organisation id (UUID)' })
  partnershipId?: string;
}
