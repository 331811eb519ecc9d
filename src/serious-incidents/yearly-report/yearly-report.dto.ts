import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';

export class YearlyReportDto {
  @ApiPropertyOptional({ description: 'The version you read; leave out when starting the record' })
  @IsOptional()
  @IsInt()
  version?: number;

  @ApiPropertyOptional({ description: 'Meets SP-YEARLY-REPORT and starts SP-YEARLY-REPORT-SEND' })
  @IsOptional()
  @IsIsoDate()
  publishedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'publicationUrl must be an http(s) URL' },
  )
  @MaxLength(1000)
  publicationUrl?: string;

  @ApiPropertyOptional({
    description: 'When the copy went to the Panel and the DfE MASA unit (SP-YEARLY-REPORT-SEND)',
  })
  @IsOptional()
  @IsIsoDate()
  sentOn?: string;
}
