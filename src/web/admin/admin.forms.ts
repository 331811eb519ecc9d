import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ROLE_NAMES } from '../../config/environment';
import { ORGANISATION_TYPES, OrganisationType } from '../../identity/organisation.entity';
import type { Role } from '../../identity/permissions';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Checkboxes post nothing, one value, or several: always an array of the values ticked. */
const toArray = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v !== '');

export class UserForm {
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter the person’s full name' })
  @MaxLength(200, { message: 'Full name must be 200 characters or fewer' })
  name!: string;

  @Transform(trim)
  @IsNotEmpty({ message: 'Enter the person’s work email address' })
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.gov.uk' })
  @MaxLength(254, { message: 'Email address must be 254 characters or fewer' })
  email!: string;

  @Transform(toArray)
  @ArrayNotEmpty({ message: 'Select at least one role' })
  @IsIn(ROLE_NAMES, { each: true, message: 'Select roles from the list' })
  roles!: Role[];

  @Transform(toArray)
  @ArrayMaxSize(50, { message: 'Select 50 organisations or fewer' })
  @IsUUID('all', { each: true, message: 'Select organisations from the list' })
  organisationIds: string[] = [];
}

export class UserAccessForm {
  @Transform(toArray)
  @ArrayNotEmpty({ message: 'Select at least one role' })
  @IsIn(ROLE_NAMES, { each: true, message: 'Select roles from the list' })
  roles!: Role[];

  @Transform(toArray)
  @ArrayMaxSize(50, { message: 'Select 50 organisations or fewer' })
  @IsUUID('all', { each: true, message: 'Select organisations from the list' })
  organisationIds: string[] = [];

  @Type(() => Number)
  @IsInt({ message: 'Reload the page and try again' })
  @Min(1)
  version!: number;
}

export class VersionForm {
  @Type(() => Number)
  @IsInt({ message: 'Reload the page and try again' })
  @Min(1)
  version!: number;
}

export class OrganisationForm {
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter the organisation’s name' })
  @MaxLength(200, { message: 'Name must be 200 characters or fewer' })
  name!: string;

  @IsIn(ORGANISATION_TYPES, { message: 'Select the type of organisation' })
  type!: OrganisationType;

  @Transform(trim)
  @IsOptional()
  @MaxLength(50, { message: 'Code must be 50 characters or fewer' })
  code?: string;

  @Transform(toArray)
  @ValidateIf((form: OrganisationForm) => form.type === 'cdop' || form.type === 'safeguarding-partnership')
  @ArrayNotEmpty({ message: 'Select the local authorities it covers' })
  @IsUUID('all', { each: true, message: 'Select local authorities from the list' })
  coversLocalAuthorityIds: string[] = [];

  @Transform(trim)
  @ValidateIf((form: OrganisationForm) => form.type === 'safeguarding-partnership')
  @IsUUID('all', { message: 'Select the partner local authority' })
  partnerLocalAuthorityId?: string;

  @Transform(trim)
  @ValidateIf((form: OrganisationForm) => form.type === 'safeguarding-partnership')
  @IsUUID('all', { message: 'Select the partner integrated care board' })
  partnerIcbId?: string;

  @Transform(trim)
  @ValidateIf((form: OrganisationForm) => form.type === 'safeguarding-partnership')
  @IsUUID('all', { message: 'Select the partner police force' })
  partnerPoliceId?: string;
}
