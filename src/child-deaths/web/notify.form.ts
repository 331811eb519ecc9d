import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PLACES_OF_DEATH, SEXES } from '../forms/notification-options';
import { NHS_NUMBER_MISSING_REASONS } from '../rules/nhs-number';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const blankToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;

/** The notification form as posted by the page (dates come in three boxes, read separately). */
export class NotificationForm {
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter the child’s first name' })
  @MaxLength(100, { message: 'First name must be 100 characters or fewer' })
  givenName!: string;

  @Transform(trim)
  @IsNotEmpty({ message: 'Enter the child’s last name' })
  @MaxLength(100, { message: 'Last name must be 100 characters or fewer' })
  familyName!: string;

  @IsIn(SEXES, { message: 'Select the child’s sex' })
  sex!: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @MaxLength(20, { message: 'NHS number must be 10 digits' })
  nhsNumber?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(NHS_NUMBER_MISSING_REASONS, { message: 'Select why there is no NHS number' })
  nhsNumberMissingReason?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @MaxLength(10, { message: 'Postcode must be 10 characters or fewer' })
  postcode?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @MaxLength(100)
  ethnicity?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^([01]?\d|2[0-3]):[0-5]\d$/, {
    message: 'Enter the time of death as hours and minutes, like 14:30',
  })
  timeOfDeath?: string;

  @IsIn(PLACES_OF_DEATH, { message: 'Select where the child died' })
  placeOfDeath!: string;

  @IsIn(['yes', 'no'], { message: 'Select whether the death was expected' })
  expected!: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(['yes', 'no', 'not-known'], { message: 'Select whether a post-mortem is required' })
  postMortemRequired?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(['yes', 'no', 'not-known'], { message: 'Select whether the coroner is involved' })
  coronerInvolved?: string;

  @IsIn(['yes', 'no'], { message: 'Select whether the child was looked after' })
  lookedAfter!: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(['yes', 'no'], { message: 'Select whether the child was born dead' })
  stillbirth?: string;

  @IsUUID('all', { message: 'Select the child death overview panel you are notifying' })
  cdopId!: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsUUID('all', { message: 'Select the local authority where the child lived' })
  residentLocalAuthorityId?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsUUID('all', { message: 'Select the local authority where the child died' })
  placeOfDeathLocalAuthorityId?: string;

  @Transform(trim)
  @IsNotEmpty({ message: 'Enter your role' })
  @MaxLength(200)
  notifierRole!: string;

  @Transform(trim)
  @IsNotEmpty({ message: 'Enter your organisation' })
  @MaxLength(200)
  notifierOrganisation!: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @MaxLength(5000, { message: 'Circumstances must be 5,000 characters or fewer' })
  circumstancesSummary?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @MaxLength(20000)
  professionals?: string;
}
