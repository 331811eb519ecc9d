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
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';
import { PLACES_OF_DEATH, SEXES } from '../forms/notification-options';
import { NHS_NUMBER_MISSING_REASONS } from '../rules/nhs-number';
import { IsInstant } from './is-instant.validator';
import { ProfessionalDto } from './professional.dto';

export class NotifiedChildDto {
  @ApiProperty({ example: 'Olivia' })
  @IsString()
  @Length(1, 100)
  givenName!: string;

  @ApiProperty({ example: 'Hartley' })
  @IsString()
  @Length(1, 100)
  familyName!: string;

  @ApiProperty({ example: '2026-01-10' })
  @IsIsoDate()
  dateOfBirth!: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex!: string;

  @ApiPropertyOptional({ example: '9990001235', description: 'Ten digits with a modulus 11 check digit' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  nhsNumber?: string;

  @ApiPropertyOptional({
    enum: NHS_NUMBER_MISSING_REASONS,
    description: 'Required when there is no NHS number',
  })
  @IsOptional()
  @IsIn(NHS_NUMBER_MISSING_REASONS)
  nhsNumberMissingReason?: string;

  @ApiPropertyOptional({ example: 'NS1 4AB' })
  @IsOptional()
  @IsString()
  @Length(1, 10)
  postcode?: string;

  @ApiPropertyOptional({ example: 'A', description: 'NHS ethnic category code (A–Z), Z for not stated' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  ethnicity?: string;

  @ApiPropertyOptional({ example: '12 Mill Lane, Northtown' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;

  @ApiPropertyOptional({ example: 'Northtown Medical Practice' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  gp?: string;
}

/** The joint agency response questions (WT 449), as named in the API contract. */
export class CircumstancesDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() externalCause?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() suddenNoApparentCause?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() inCustodyOrDetainedMHA?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() suspiciousCircumstances?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() stillbirthNoHealthProfessional?: boolean;
}

export class ParentalResponsibilityDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'mother' }) @IsString() @Length(1, 100) relationship!: string;
}

export class NotificationDto {
  @ApiProperty({ type: NotifiedChildDto })
  @ValidateNested()
  @Type(() => NotifiedChildDto)
  child!: NotifiedChildDto;

  @ApiProperty({ example: '2026-03-02' })
  @IsIsoDate()
  dateOfDeath!: string;

  @ApiPropertyOptional({ example: '03:40', description: 'HH:MM, London time' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'timeOfDeath must be a time written HH:MM (24 hour)' })
  timeOfDeath?: string;

  @ApiProperty({ enum: PLACES_OF_DEATH })
  @IsIn(PLACES_OF_DEATH)
  placeOfDeath!: string;

  @ApiPropertyOptional({ description: 'Where the child was found, if not where they died' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  whereFound?: string;

  @ApiProperty({ example: '2026-03-02T08:05:00+00:00', description: 'When the notifier notified the death' })
  @IsInstant()
  notifiedAt!: string;

  @ApiPropertyOptional({ description: 'When the death first became known, if later than the death itself' })
  @IsOptional()
  @IsInstant()
  becameAwareAt?: string;

  @ApiProperty({ description: 'Was the death anticipated as a significant possibility 24 hours before?' })
  @IsBoolean()
  expected!: boolean;

  @ApiProperty({ type: CircumstancesDto })
  @ValidateNested()
  @Type(() => CircumstancesDto)
  circumstances!: CircumstancesDto;

  @ApiPropertyOptional({ description: 'The circumstances in brief' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  circumstancesSummary?: string;

  @ApiPropertyOptional({ description: 'Born dead (false for any liveborn baby)' })
  @IsOptional()
  @IsBoolean()
  stillbirth?: boolean;

  @ApiPropertyOptional({ description: 'For a stillbirth: a healthcare professional attended the birth' })
  @IsOptional()
  @IsBoolean()
  medicalAttendanceAtBirth?: boolean;

  @ApiPropertyOptional({ description: 'A termination of pregnancy carried out within the law' })
  @IsOptional()
  @IsBoolean()
  lawfulTermination?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() postMortemRequired?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() coronerInvolved?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() lookedAfter?: boolean;

  @ApiPropertyOptional({ description: 'The local authority looking after the child, if looked after' })
  @IsOptional()
  @IsUUID()
  lookedAfterByLocalAuthorityId?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() childProtectionPlan?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() knownToSocialCare?: boolean;

  @ApiPropertyOptional({ type: [ParentalResponsibilityDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ParentalResponsibilityDto)
  parentalResponsibility?: ParentalResponsibilityDto[];

  @ApiPropertyOptional({ description: 'How many other children live in the household' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  otherChildrenInHousehold?: number;

  @ApiProperty({ description: 'The CDOP being notified' })
  @IsUUID()
  cdopId!: string;

  @ApiPropertyOptional({ description: 'The local authority where the child normally lived' })
  @IsOptional()
  @IsUUID()
  residentLocalAuthorityId?: string;

  @ApiPropertyOptional({ description: 'The local authority where the child died' })
  @IsOptional()
  @IsUUID()
  placeOfDeathLocalAuthorityId?: string;

  @ApiProperty({ type: ProfessionalDto })
  @ValidateNested()
  @Type(() => ProfessionalDto)
  notifier!: ProfessionalDto;

  @ApiProperty({ type: [ProfessionalDto], description: 'Everyone who knew the child in life or after death' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProfessionalDto)
  professionals!: ProfessionalDto[];
}
