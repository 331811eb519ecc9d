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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';

export class AnalysisFactorDto {
  @ApiPropertyOptional({ example: 'B05', description: 'A suggested factor code, or your own' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  code?: string;

  @ApiProperty({ example: 'Unsafe sleeping arrangements' })
  @IsString()
  @Length(1, 500)
  label!: string;

  @ApiProperty({
    enum: [0, 1, 2],
    description: '0 not available, 1 unlikely to have contributed, 2 may have contributed',
  })
  @IsIn([0, 1, 2], { message: 'score must be 0, 1 or 2' })
  score!: 0 | 1 | 2;

  @ApiPropertyOptional({ description: 'Whether the factor is modifiable; needed for every factor scored 2' })
  @IsOptional()
  @IsBoolean()
  modifiable?: boolean;
}

export class AnalysisDomainDto {
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] })
  @IsIn(['A', 'B', 'C', 'D'])
  domain!: 'A' | 'B' | 'C' | 'D';

  @ApiProperty({ type: [AnalysisFactorDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AnalysisFactorDto)
  factors!: AnalysisFactorDto[];
}

export class AnalysisActionDto {
  @ApiPropertyOptional({ description: 'The organisation that must act' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  owner?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) description?: string;
  @ApiPropertyOptional({ example: '2026-09-30' }) @IsOptional() @IsIsoDate() dueDate?: string;
}

/** The analysis form (API contract field names); a draft may leave anything out. */
export class AnalysisDto {
  @ApiPropertyOptional({ example: '2026-04', description: 'Defaults to the version in use today' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  formVersion?: string;

  @ApiPropertyOptional({ type: [AnalysisDomainDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => AnalysisDomainDto)
  domains?: AnalysisDomainDto[];

  @ApiPropertyOptional({ enum: ['yes', 'no', 'insufficient-information'] })
  @IsOptional()
  @IsIn(['yes', 'no', 'insufficient-information'])
  modifiableFactors?: 'yes' | 'no' | 'insufficient-information';

  @ApiPropertyOptional({ minimum: 1, maximum: 10 })
  @IsOptional()
  @IsInt({ message: 'primaryCategory must be a whole number from 1 to 10' })
  @Min(1, { message: 'primaryCategory must be a category from 1 to 10' })
  @Max(10, { message: 'primaryCategory must be a category from 1 to 10' })
  primaryCategory?: number;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true, message: 'otherCategories must be whole numbers from 1 to 10' })
  @Min(1, { each: true, message: 'otherCategories must be categories from 1 to 10' })
  @Max(10, { each: true, message: 'otherCategories must be categories from 1 to 10' })
  otherCategories?: number[];

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) causeOfDeath?: string;

  @ApiPropertyOptional({ type: [String], example: ['R95'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 10, { each: true })
  icd10Codes?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 5000, { each: true })
  learningPoints?: string[];

  @ApiPropertyOptional({ type: [AnalysisActionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AnalysisActionDto)
  actions?: AnalysisActionDto[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() referredToSafeguarding?: boolean;

  @ApiPropertyOptional({ description: 'The version of the analysis form you read; omit when creating it' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class FinaliseAnalysisDto {
  @ApiProperty({
    example: '2026-06-09',
    description: 'The date of the CDOP meeting that agreed the analysis',
  })
  @IsIsoDate()
  reviewedOn!: string;

  @ApiPropertyOptional({ description: 'The version of the analysis form you read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class SendAnalysisDto {
  @ApiPropertyOptional({ description: 'The version of the analysis form you read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
