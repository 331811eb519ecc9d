import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';
import { LEGAL_STATUSES, LegalStatus } from '../rules/incident';

const TEXT = 200;

/** A child as first recorded; identity may be unknown (WT 374), legal status may not. */
export class IncidentChildDto {
  @ApiPropertyOptional({ example: 'Ella' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  givenName?: string;

  @ApiPropertyOptional({ example: 'Hart' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  familyName?: string;

  @ApiProperty({ description: 'False while the child has not yet been identified' })
  @IsBoolean({ message: 'identityKnown must be true or false' })
  identityKnown!: boolean;

  @ApiPropertyOptional({ example: '2019-04-02' })
  @IsOptional()
  @IsIsoDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ description: 'Age in years at the incident, when the date of birth is not known' })
  @IsOptional()
  @IsInt({ message: 'ageYears must be a whole number of years' })
  @Min(0)
  @Max(30)
  ageYears?: number;

  @ApiPropertyOptional({ example: 'female' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  sex?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  ethnicity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  disability?: string;

  @ApiProperty({ enum: LEGAL_STATUSES })
  @IsIn(LEGAL_STATUSES, { message: `legalStatus must be one of: ${LEGAL_STATUSES.join(', ')}` })
  legalStatus!: LegalStatus;

  @ApiPropertyOptional({ description: 'The home local authority (organisation id)' })
  @IsOptional()
  @IsUUID('all', { message: 'normallyResidentLocalAuthorityId must be an organisation id (UUID)' })
  normallyResidentLocalAuthorityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  knownToServices?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  natureOfHarm?: string;
}

/** A change to one child: only the fields sent change; `version` is the child's. */
export class UpdateIncidentChildDto {
  @ApiProperty({ description: 'The version of the child record you read' })
  @IsInt()
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  givenName?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  familyName?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'identityKnown must be true or false' })
  identityKnown?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  dateOfBirth?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'ageYears must be a whole number of years' })
  @Min(0)
  @Max(30)
  ageYears?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  sex?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  ethnicity?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  disability?: string | null;

  @ApiPropertyOptional({ enum: LEGAL_STATUSES })
  @IsOptional()
  @IsIn(LEGAL_STATUSES, { message: `legalStatus must be one of: ${LEGAL_STATUSES.join(', ')}` })
  legalStatus?: LegalStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'normallyResidentLocalAuthorityId must be an organisation id (UUID)' })
  normallyResidentLocalAuthorityId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  knownToServices?: boolean | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  natureOfHarm?: string | null;
}

export class AddIncidentChildDto extends IncidentChildDto {
  @ApiPropertyOptional({ description: 'The version of the incident you read' })
  @IsOptional()
  @IsInt()
  version?: number;
}
