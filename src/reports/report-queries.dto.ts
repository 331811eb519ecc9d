import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsIsoDate } from '../calendar/is-iso-date.validator';

const wholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value;
const trueOrFalse = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

class ReportingYearQuery {
  @ApiProperty({
    description: 'The reporting year, by the calendar year in which it starts on 1 April',
    example: 2025,
  })
  @Transform(wholeNumber)
  @IsInt({ message: 'year must be a four-digit year, such as 2025 for 1 April 2025 to 31 March 2026' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2999, { message: 'year must be a four-digit year' })
  year!: number;

  @ApiPropertyOptional({
    description:
      'true for the de-identified version to publish: counts from 1 to 4 shown as "<5", and any count that would reveal one withheld',
    default: false,
  })
  @IsOptional()
  @Transform(trueOrFalse)
  @IsBoolean({ message: 'published must be true or false' })
  published?: boolean;
}

export class CdopAnnualQuery extends ReportingYearQuery {
  @ApiProperty({ description: 'The CDOP' })
  @IsUUID('all', { message: 'cdopId must be the id of a CDOP' })
  cdopId!: string;
}

export class PartnershipYearlyQuery extends ReportingYearQuery {
  @ApiProperty({ description: 'The safeguarding partnership' })
  @IsUUID('all', { message: 'partnershipId must be the id of a safeguarding partnership' })
  partnershipId!: string;
}

export class DeadlineComplianceQuery {
  @ApiProperty({ description: 'The organisation whose cases’ clocks are reported' })
  @IsUUID('all', { message: 'organisationId must be the id of an organisation' })
  organisationId!: string;

  @ApiProperty({ description: 'First due date reported (London)', example: '2026-01-01' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ description: 'Last due date reported (London)', example: '2026-03-31' })
  @IsIsoDate()
  to!: string;
}

export class TrackerQuery {
  @ApiProperty({ description: 'The organisation whose recommendations are tracked' })
  @IsUUID('all', { message: 'organisationId must be the id of an organisation' })
  organisationId!: string;
}
