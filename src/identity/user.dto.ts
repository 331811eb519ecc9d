import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { ROLE_NAMES } from '../config/environment';
import type { Role } from './permissions';

const ROLE_MESSAGE = `roles must contain only: ${ROLE_NAMES.join(', ')}`;

export class CreateUserDto {
  @ApiProperty({ example: 'sam.patel@northshire.gov.uk' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Sam Patel' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'At least 12 characters and not a commonly used password' })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiProperty({ enum: ROLE_NAMES, isArray: true })
  @IsArray()
  @ArrayNotEmpty({ message: 'roles must name at least one role' })
  @IsIn(ROLE_NAMES, { each: true, message: ROLE_MESSAGE })
  roles!: Role[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'organisationIds must contain organisation ids (UUIDs)' })
  organisationIds!: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({
    description: 'false deactivates the user and ends their sessions and tokens at once',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: ROLE_NAMES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'roles must name at least one role' })
  @IsIn(ROLE_NAMES, { each: true, message: ROLE_MESSAGE })
  roles?: Role[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'organisationIds must contain organisation ids (UUIDs)' })
  organisationIds?: string[];

  @ApiPropertyOptional({ description: 'true lifts a sign-in lockout after too many failed attempts' })
  @IsOptional()
  @IsBoolean()
  unlock?: boolean;

  @ApiPropertyOptional({ description: 'The version you read; a different stored version gives 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ResetMfaDto {
  @ApiPropertyOptional({ description: 'The version you read; a different stored version gives 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
