import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '../calendar/is-iso-date.validator';
import { EXPORT_MODES, type ExportMode } from './export-case';

const FORMATS = ['json', 'csv'] as const;

/** 'true' and 'false' from a query string; anything else is left for @IsBoolean to refuse. */
const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class NcmdExportQuery {
  @ApiProperty({ description: 'The CDOP whose reviewed cases to export' })
  @IsUUID()
  cdopId!: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'CDOP review date from (inclusive)' })
  @IsOptional()
  @IsIsoDate()
  reviewedFrom?: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'CDOP review date to (inclusive)' })
  @IsOptional()
  @IsIsoDate()
  reviewedTo?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Only cases new or changed since the last complete export of this CDOP in this mode',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  sinceLastExport?: boolean;

  @ApiPropertyOptional({ enum: FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: (typeof FORMATS)[number];

  @ApiPropertyOptional({
    enum: EXPORT_MODES,
    default: 'ncmd',
    description: 'ncmd (identifiable): cdop-admin only. deidentified: cdop-admin or designated-doctor.',
  })
  @IsOptional()
  @IsIn(EXPORT_MODES)
  mode?: ExportMode;
}
