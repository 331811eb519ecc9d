import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { ORGANISATION_TYPES, OrganisationType } from './organisation.entity';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Northshire Child Death Overview Panel' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES, { message: `type must be one of: ${ORGANISATION_TYPES.join(', ')}` })
  type!: OrganisationType;

  @ApiPropertyOptional({ description: 'A short reference such as an ODS or ONS code; unique' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  code?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'For a CDOP or partnership: the local authorities it covers',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'coversLocalAuthorityIds must contain organisation ids (UUIDs)' })
  coversLocalAuthorityIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'For a safeguarding partnership: its three partners (a local authority, an ICB, a police force)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsUUID('all', { each: true, message: 'partnerOrganisationIds must contain organisation ids (UUIDs)' })
  partnerOrganisationIds?: string[];
}
